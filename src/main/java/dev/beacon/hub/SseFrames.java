package dev.beacon.hub;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the {@code text/event-stream} format exactly as the WHATWG spec reads it
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream). A frame is the lines
 * of one event or comment, each ending in LF, without the blank line that ends the event: the transport adds it, so
 * several frames can go out in one write.
 */
public final class SseFrames {

    private static final byte[] ID = ascii("id: ");
    private static final byte[] TOPIC = ascii("topic: ");
    private static final byte[] EVENT = ascii("event: ");
    private static final byte[] RETRY = ascii("retry: ");
    private static final byte[] DATA = ascii("data: ");
    private static final byte[] COMMENT = ascii(": ");

    /** The first thing on every stream, so the client and every proxy see the response start at once. */
    public static final byte[] OPENING = comment("beacon stream open");
    /** What an idle stream gets every {@code beacon.heartbeat}: keeps proxies from closing it, and finds dead peers. */
    public static final byte[] HEARTBEAT = comment("heartbeat");

    private SseFrames() {
    }

    /**
     * An event with an id and no data: a spec-following client sets its last event ID to it and dispatches nothing
     * ("If the data buffer is an empty string, ... return", in "dispatch the event"). Sent first on every stream, it
     * gives the client a position to resume from before its first real event.
     */
    public static byte[] position(long id) {
        return ascii("id: " + id + "\n");
    }

    /**
     * The lines of an event. CRLF, a lone CR and a lone LF all end a line for the client, so data is split on each of
     * them and every piece gets its own {@code data:} line; the client joins them back with LF. The single space
     * after each colon is the one the client strips, so a value that starts with a space survives.
     */
    public static byte[] body(String name, String data, long retry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length() + 32);
        if (name != null) {
            line(out, EVENT, name);
        }
        if (retry != HubEvent.NO_RETRY) {
            line(out, RETRY, Long.toString(retry));
        }
        int start = 0;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\r' || c == '\n') {
                line(out, DATA, data.substring(start, i));
                if (c == '\r' && i + 1 < data.length() && data.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        line(out, DATA, data.substring(start));
        return out.toByteArray();
    }

    /** The {@code id:} line in front of a body from {@link #body}; the only part that waits for the id. */
    public static byte[] withId(long id, byte[] body) {
        byte[] digits = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[ID.length + digits.length + 1 + body.length];
        System.arraycopy(ID, 0, frame, 0, ID.length);
        System.arraycopy(digits, 0, frame, ID.length, digits.length);
        frame[ID.length + digits.length] = '\n';
        System.arraycopy(body, 0, frame, ID.length + digits.length + 1, body.length);
        return frame;
    }

    /**
     * A hub event's whole frame: {@code id:}, then {@code topic:}, then the body from {@link #body}. The spec's parser
     * ignores a field it does not know ("Otherwise: The field is ignored."), so browsers and JAX-RS clients see the
     * same event as without it, while a client that reads it (Beacon's own) knows each event's topic on a
     * subscription to several. Topic names are ASCII by their grammar ({@link Names#topic}).
     */
    public static byte[] event(long id, String topic, byte[] body) {
        byte[] digits = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
        byte[] name = topic.getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[ID.length + digits.length + TOPIC.length + name.length + 2 + body.length];
        int at = put(frame, 0, ID);
        at = put(frame, at, digits);
        frame[at++] = '\n';
        at = put(frame, at, TOPIC);
        at = put(frame, at, name);
        frame[at++] = '\n';
        put(frame, at, body);
        return frame;
    }

    private static int put(byte[] frame, int at, byte[] part) {
        System.arraycopy(part, 0, frame, at, part.length);
        return at + part.length;
    }

    /** A comment: every line of the text gets its own colon, so a multi-line comment cannot become a field. */
    public static byte[] comment(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 4);
        for (String line : text.split("\r\n|\r|\n", -1)) {
            line(out, COMMENT, line);
        }
        return out.toByteArray();
    }

    private static void line(ByteArrayOutputStream out, byte[] field, String value) {
        out.writeBytes(field);
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
