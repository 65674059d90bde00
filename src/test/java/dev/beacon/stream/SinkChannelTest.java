package dev.beacon.stream;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.SseFrames;
import jakarta.ws.rs.sse.OutboundSseEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * How the portable transport groups the hub's frames into sink events, and that both kinds of sink put exactly the
 * same bytes on the wire: Jersey's (our {@link FramedEventWriter}, then a LF) and RESTEasy's (the event's accessors).
 */
class SinkChannelTest {

    private static final byte[] FIRST = event(41, "a");
    private static final byte[] SECOND = event(42, "b\nc");
    private static final String EXPECTED = ": beacon stream open\n\nid: 40\n\nid: 41\ndata: a\n\nid: 42\ndata: b\n"
            + "data: c\n\n: heartbeat\n\nid: 41\ndata: a\n\n";

    private final List<byte[]> frames = List.of(SseFrames.OPENING, SseFrames.position(40), FIRST, SECOND,
            SseFrames.HEARTBEAT, FIRST);

    @Test
    void eachCommentIsAnEventOfItsOwnAndEachRunOfOtherFramesOneEvent() {
        List<FramedEvent> events = SinkChannel.events(frames);

        assertEquals(4, events.size());
        assertEquals(List.of(SseFrames.OPENING), events.get(0).frames());
        assertEquals(List.of(frames.get(1), FIRST, SECOND), events.get(1).frames());
        assertEquals(List.of(SseFrames.HEARTBEAT), events.get(2).frames());
        assertEquals(List.of(FIRST), events.get(3).frames());
    }

    @Test
    void aSinkThatUsesTheMessageBodyWriterWritesTheFramesExactly() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (FramedEvent event : SinkChannel.events(frames)) {
            new FramedEventWriter().writeTo(event, FramedEvent.class, FramedEvent.class, null, null, null, wire);
            wire.write('\n'); // what Jersey's sink writes after every event
        }
        assertEquals(EXPECTED, wire.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSinkThatEncodesFromTheAccessorsWritesTheSameBytes() {
        StringBuilder wire = new StringBuilder();
        SinkChannel.events(frames).forEach(event -> wire.append(encodeFromAccessors(event)));
        assertEquals(EXPECTED, wire.toString());
    }

    @Test
    void aCommentOnlyEventHasNoTypeSoAnAccessorSinkWritesNothingButTheComment() {
        FramedEvent heartbeat = new FramedEvent(List.of(SseFrames.HEARTBEAT));

        assertNull(heartbeat.getType());
        assertEquals("heartbeat", heartbeat.getComment());
        assertNull(heartbeat.getId());
        assertNull(heartbeat.getName());
    }

    /** What RESTEasy's event writer does with an outbound event (comment lines, name, id, then the blank line). */
    private static String encodeFromAccessors(OutboundSseEvent event) {
        StringBuilder out = new StringBuilder();
        if (event.getComment() != null) {
            for (String line : event.getComment().split("\n", -1)) {
                out.append(": ").append(line).append('\n');
            }
        }
        if (event.getName() != null) {
            out.append("event: ").append(event.getName()).append('\n');
        }
        if (event.getId() != null) {
            out.append("id: ").append(event.getId()).append('\n');
        }
        return out.append('\n').toString();
    }

    private static byte[] event(long id, String data) {
        return SseFrames.withId(id, SseFrames.body(null, data, HubEvent.NO_RETRY));
    }
}
