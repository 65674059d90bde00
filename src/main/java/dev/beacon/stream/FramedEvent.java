package dev.beacon.stream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Frames the hub encoded once, handed to an {@code SseEventSink} as one outbound "event". It has to come out
 * byte for byte the same from both kinds of sink a JAX-RS implementation may have:
 * <ul>
 * <li>A sink that picks a {@code MessageBodyWriter} by the event's class (Jersey: Payara and embedded) hands it to
 *     {@link FramedEventWriter}, which writes the frames as they are; the sink then writes the closing LF.</li>
 * <li>A sink that encodes every event itself from its accessors (RESTEasy: WildFly) writes
 *     {@code ": " + comment} per comment line, then {@code "event: " + getName()}, {@code "id: " + getId()}, each
 *     followed by LF, then one more LF, and never calls our writer. So a comment-only event presents its text as
 *     {@link #getComment()}, and any other run of frames presents its first field's value and everything after it as
 *     {@link #getId()} (or {@link #getName()}): "id: " + that + LF + LF is exactly the frames and their closing blank
 *     line. The values are never parsed or escaped on that path; the hub has already validated and framed them.</li>
 * </ul>
 * {@link SinkChannel} therefore sends each comment frame as an event of its own and every run of other frames as one.
 */
public final class FramedEvent implements OutboundSseEvent {

    private static final String ID_LEAD = "id: ";
    private static final String EVENT_LEAD = "event: ";

    private final List<byte[]> frames;
    private final boolean commentOnly;
    /** The frames as an accessor-encoding sink reads them; made on first use, so Jersey never pays for it. */
    private Fields fields;

    public FramedEvent(List<byte[]> frames) {
        this.frames = List.copyOf(frames);
        this.commentOnly = this.frames.size() == 1 && isComment(this.frames.get(0));
    }

    /** What the accessors answer: one of the three is set (or the name with the rest of the text after it). */
    private record Fields(String comment, String id, String name) {
    }

    private Fields fields() {
        if (fields == null) {
            String text = text(frames);
            if (commentOnly) {
                fields = new Fields(uncomment(text), null, null);
            } else if (text.startsWith(ID_LEAD)) {
                fields = new Fields(null, text.substring(ID_LEAD.length()), null);
            } else {
                // Hub frames start with id: or event:; anything else gets the default type spelled out, which the
                // client treats exactly as no event: line at all (https://html.spec.whatwg.org/#dispatchMessage).
                fields = new Fields(null, null,
                        text.startsWith(EVENT_LEAD) ? text.substring(EVENT_LEAD.length()) : "message\n" + text);
            }
        }
        return fields;
    }

    /** Whether a frame is a comment (its first line starts with a colon). */
    static boolean isComment(byte[] frame) {
        return frame.length > 0 && frame[0] == ':';
    }

    public List<byte[]> frames() {
        return frames;
    }

    /** The frames joined by the blank line between them, without the last frame's final LF. */
    private static String text(List<byte[]> frames) {
        StringBuilder text = new StringBuilder();
        for (byte[] frame : frames) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(new String(frame, StandardCharsets.UTF_8));
        }
        return text.substring(0, text.length() - 1);
    }

    /** ": a\n: b" becomes "a\nb": the sink puts ": " back in front of every line. */
    private static String uncomment(String text) {
        StringBuilder plain = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (plain.length() > 0) {
                plain.append('\n');
            }
            plain.append(line.startsWith(": ") ? line.substring(2) : line.substring(1));
        }
        return plain.toString();
    }

    /** Null for a comment-only event, so an accessor-encoding sink writes the comment and nothing else. */
    @Override
    public Class<?> getType() {
        return commentOnly ? null : FramedEvent.class;
    }

    @Override
    public Type getGenericType() {
        return getType();
    }

    @Override
    public MediaType getMediaType() {
        return MediaType.SERVER_SENT_EVENTS_TYPE;
    }

    @Override
    public String getComment() {
        return fields().comment();
    }

    /** No separate data: everything is in the lead field's value (see the class comment). */
    @Override
    public Object getData() {
        return null;
    }

    @Override
    public String getId() {
        return fields().id();
    }

    @Override
    public String getName() {
        return fields().name();
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
