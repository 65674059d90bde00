package dev.beacon.hub;

import java.util.Objects;

/**
 * One published event, immutable and shared by every subscriber. {@code frame} holds its wire form without the
 * closing blank line ({@code id:}, {@code event:}, {@code retry:} and {@code data:} lines), encoded once at publish.
 *
 * @param id        assigned by the hub; strictly increasing across all topics of the hub
 * @param topic     the topic it was published to
 * @param name      the event type, or null for the default {@code message}
 * @param data      the data as text (objects were serialised to JSON once)
 * @param retry     reconnection delay in milliseconds, or {@link #NO_RETRY}
 * @param timestamp when it was published, in epoch milliseconds
 * @param frame     the UTF-8 wire form
 */
public record HubEvent(long id, String topic, String name, String data, long retry, long timestamp, byte[] frame) {

    public static final long NO_RETRY = -1;

    public HubEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(frame, "frame");
    }

    public String idText() {
        return Long.toString(id);
    }
}
