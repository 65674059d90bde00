package dev.beacon.stream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * Headers every event stream needs: {@code Cache-Control: no-cache} so no cache holds or replays it, and
 * {@code X-Accel-Buffering: no} so nginx passes each event on at once. No {@code Connection} header: HTTP/2 forbids it.
 */
@Provider
public class SseResponseHeaders implements ContainerResponseFilter {

    /** The headers, by name; the embedded direct transport writes the same ones into its response head. */
    public static final Map<String, String> HEADERS = Map.of("Cache-Control", "no-cache", "X-Accel-Buffering", "no");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && MediaType.SERVER_SENT_EVENTS_TYPE.isCompatible(type)) {
            HEADERS.forEach(response.getHeaders()::putSingle);
        }
    }
}
