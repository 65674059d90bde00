package dev.beacon.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads {@code text/event-stream} bytes exactly as the WHATWG spec interprets them
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation): CRLF, LF and CR end a
 * line, even when a chunk ends between CR and LF; one leading byte-order mark is skipped; a line starting with a
 * colon is a comment; a line without a colon is a field with an empty value; one space after the colon is removed;
 * {@code data} lines are joined with LF; an {@code id} containing NUL is ignored; {@code retry} takes ASCII digits
 * only; a blank line dispatches, and a block with no data (Beacon's id-only position event) only moves the last
 * event id. Lines are cut at the byte level (CR and LF never occur inside a UTF-8 sequence) and decoded whole, so a
 * character split between chunks survives. An event cut off by the end of the stream is never dispatched.
 *
 * <p>One parser reads one connection. It starts from the last event id of the previous connection, as Chromium's
 * parser does, not from the empty string of the spec's text: an event without an {@code id:} after a reconnect
 * (Beacon's {@code beacon-gap}) then keeps the checkpoint instead of clearing it.
 *
 * <p>{@code topic} is Beacon's own field: the spec ignores unknown fields, so reading it changes nothing else.
 */
final class SseParser {

    /** What the parser found; called on the thread that feeds it. */
    interface Handler {

        /** A dispatched event: the type is {@code message} when the stream named none. */
        void event(String lastEventId, String type, String data, String topic);

        /** A block without data moved the last event id (to the value given) and dispatched nothing. */
        void position(String lastEventId);

        /** The server set the reconnection time. */
        void retry(long millis);
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final Handler handler;
    private byte[] line = new byte[256];
    private int length;
    private boolean afterCr;
    private boolean firstLine = true;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String type = "";
    private String topic;
    private String lastEventIdBuffer;
    private String lastEventId;

    SseParser(String lastEventId, Handler handler) {
        this.handler = handler;
        this.lastEventId = lastEventId == null ? "" : lastEventId;
        this.lastEventIdBuffer = this.lastEventId;
    }

    /** The last event id string: what a reconnect sends as {@code Last-Event-ID} (empty: none). */
    String lastEventId() {
        return lastEventId;
    }

    /** Feeds the next bytes of the stream; complete lines are interpreted at once. */
    void feed(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (afterCr) {
                afterCr = false;
                if (b == LF) {
                    continue; // the LF of a CRLF whose CR already ended the line
                }
            }
            if (b == CR || b == LF) {
                afterCr = b == CR;
                endLine();
            } else {
                append(b);
            }
        }
    }

    private void append(byte b) {
        if (length == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[length++] = b;
    }

    private void endLine() {
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        length = 0;
        if (firstLine) {
            firstLine = false;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        interpret(text);
    }

    private void interpret(String text) {
        if (text.isEmpty()) {
            dispatch();
        } else if (text.charAt(0) == ':') {
            return; // a comment: the heartbeat, Beacon's opening line
        } else {
            int colon = text.indexOf(':');
            if (colon < 0) {
                field(text, "");
            } else {
                int start = colon + 1;
                if (start < text.length() && text.charAt(start) == ' ') {
                    start++;
                }
                field(text.substring(0, colon), text.substring(start));
            }
        }
    }

    private void field(String name, String value) {
        switch (name) {
            case "event" -> type = value;
            case "data" -> {
                data.append(value).append('\n');
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventIdBuffer = value;
                }
            }
            case "retry" -> retry(value);
            case "topic" -> topic = value;
            default -> {
                // The spec ignores any other field.
            }
        }
    }

    private void retry(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return;
            }
        }
        handler.retry(Long.parseLong(value));
    }

    private void dispatch() {
        boolean moved = !lastEventIdBuffer.equals(lastEventId);
        lastEventId = lastEventIdBuffer;
        if (!hasData) {
            reset();
            if (moved) {
                handler.position(lastEventId);
            }
            return;
        }
        data.setLength(data.length() - 1); // the LF after the last data line
        String eventType = type.isEmpty() ? "message" : type;
        String eventData = data.toString();
        String eventTopic = topic;
        reset();
        handler.event(lastEventId, eventType, eventData, eventTopic);
    }

    private void reset() {
        data.setLength(0);
        hasData = false;
        type = "";
        topic = null;
    }
}
