package dev.beacon.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * An event as an EventSource dispatches it, parsed from a raw stream's body ({@link RawSse#body()}) by the WHATWG
 * rules: comments are skipped, a block without {@code data} dispatches nothing (an id-only block just moves the last
 * event id), the id carries over to later events, and an event without a name is {@code message}. For streams that
 * end, which a JAX-RS {@code SseEventSource} would reconnect to instead of reporting the end.
 *
 * @param id   the last event id when it was dispatched (null before any)
 * @param name the event type
 * @param data the data lines joined by LF
 */
public record SseEvent(String id, String name, String data) {

    /** Every event the body dispatches, in order; Beacon ends lines with LF only. */
    public static List<SseEvent> parse(String body) {
        List<SseEvent> events = new ArrayList<>();
        String lastId = null;
        String name = null;
        StringBuilder data = null;
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new SseEvent(lastId, name == null ? "message" : name, data.toString()));
                }
                name = null;
                data = null;
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
            switch (field) {
                case "id" -> lastId = value;
                case "event" -> name = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                    // a comment (empty field name) or a field Beacon does not send, such as retry
                }
            }
        }
        return events;
    }
}
