package dev.beacon.stream;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Writes a {@link FramedEvent}'s bytes as they are. Every frame but the last gets its closing blank line here; the
 * sink itself writes the last one after each event it sends (Jersey's event sink writes "\n" after every chunk).
 * A sink that encodes events from their accessors (RESTEasy's) never calls this; {@link FramedEvent} covers it.
 */
@Provider
@Produces(MediaType.SERVER_SENT_EVENTS)
public class FramedEventWriter implements MessageBodyWriter<FramedEvent> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return FramedEvent.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(FramedEvent event, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream out)
            throws IOException {
        List<byte[]> frames = event.frames();
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                out.write('\n');
            }
            out.write(frames.get(i));
        }
    }
}
