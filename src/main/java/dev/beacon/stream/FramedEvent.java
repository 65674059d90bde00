package dev.beacon.stream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;

import java.lang.reflect.Type;
import java.util.List;

/**
 * Frames the hub encoded once, handed to an {@code SseEventSink} as one outbound "event". Only
 * {@link FramedEventWriter} writes it, so the implementation's own event writer (which splits data on LF only and
 * would encode each event again for every subscriber) never touches Beacon's events.
 */
public final class FramedEvent implements OutboundSseEvent {

    private final List<byte[]> frames;

    public FramedEvent(List<byte[]> frames) {
        this.frames = List.copyOf(frames);
    }

    public List<byte[]> frames() {
        return frames;
    }

    @Override
    public Class<?> getType() {
        return FramedEvent.class;
    }

    @Override
    public Type getGenericType() {
        return FramedEvent.class;
    }

    @Override
    public MediaType getMediaType() {
        return MediaType.SERVER_SENT_EVENTS_TYPE;
    }

    @Override
    public String getComment() {
        return null;
    }

    @Override
    public Object getData() {
        return this;
    }

    @Override
    public String getId() {
        return null;
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public long getReconnectDelay() {
        return -1;
    }

    @Override
    public boolean isReconnectDelaySet() {
        return false;
    }
}
