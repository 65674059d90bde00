package dev.beacon.client;

import java.util.Objects;

/**
 * An event to publish: text (sent as {@code text/plain}, the data exactly as given), or JSON (the data is JSON text,
 * sent in Beacon's {@code application/json} envelope, so subscribers get it as JSON).
 *
 * @param event its name, or null for the default {@code message}
 * @param data  the text, or the JSON text
 * @param json  whether {@code data} is JSON
 */
public record OutgoingEvent(String event, String data, boolean json) {

    public OutgoingEvent {
        Objects.requireNonNull(data, "data");
    }

    public static OutgoingEvent text(String event, String text) {
        return new OutgoingEvent(event, text, false);
    }

    /** JSON given as text ({@code "{\"n\":1}"}); Beacon refuses malformed JSON with a 400 that says where. */
    public static OutgoingEvent json(String event, String json) {
        return new OutgoingEvent(event, json, true);
    }

    /** An object as JSON through JSON-B, which the application must have on its class path. */
    public static OutgoingEvent object(String event, Object value) {
        return new OutgoingEvent(event, JsonbSupport.toJson(value), true);
    }
}
