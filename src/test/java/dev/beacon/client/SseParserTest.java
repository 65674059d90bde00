package dev.beacon.client;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The parser against https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation. */
class SseParserTest {

    /** What the parser reported, as text, in order. */
    private static final class Log implements SseParser.Handler {
        final List<String> calls = new ArrayList<>();

        @Override
        public void event(String lastEventId, String type, String data, String topic) {
            calls.add("event id=" + lastEventId + " type=" + type + " topic=" + topic + " data=" + data);
        }

        @Override
        public void position(String lastEventId) {
            calls.add("position " + lastEventId);
        }

        @Override
        public void retry(long millis) {
            calls.add("retry " + millis);
        }
    }

    private static List<String> parse(String stream) {
        return parse(null, stream.getBytes(StandardCharsets.UTF_8), stream.length() + 1);
    }

    /** Feeds the bytes in chunks of {@code size}, so line ends and characters fall across chunk boundaries. */
    private static List<String> parse(String lastEventId, byte[] bytes, int size) {
        Log log = new Log();
        SseParser parser = new SseParser(lastEventId, log);
        for (int at = 0; at < bytes.length; at += size) {
            parser.feed(ByteBuffer.wrap(bytes, at, Math.min(size, bytes.length - at)));
        }
        return log.calls;
    }

    @Test
    void crLfAndCrlfEachEndALineEvenWhenAChunkEndsBetweenCrAndLf() {
        List<String> expected = List.of("event id=1 type=a topic=null data=x\ny", "event id=2 type=message topic=null "
                + "data=z");
        for (String end : List.of("\n", "\r", "\r\n")) {
            String stream = "id: 1" + end + "event: a" + end + "data: x" + end + "data: y" + end + end
                    + "id: 2" + end + "data: z" + end + end;
            for (int size = 1; size <= 4; size++) {
                assertEquals(expected, parse(null, stream.getBytes(StandardCharsets.UTF_8), size),
                        "line end " + end.replace("\r", "CR").replace("\n", "LF") + ", chunks of " + size);
            }
        }
    }

    @Test
    void crLfIsOneLineEndNotTwoSoItDoesNotDispatchAnEmptyBlock() {
        assertEquals(List.of("event id= type=message topic=null data=x"), parse("data: x\r\n\r\n"));
    }

    @Test
    void skipsOneLeadingByteOrderMarkOnly() {
        assertEquals(List.of("event id= type=message topic=null data=x"), parse("\uFEFFdata: x\n\n"));
        // A second BOM is part of the field name "\uFEFFdata", which is unknown and ignored: nothing is dispatched.
        assertEquals(List.of(), parse("\uFEFF\uFEFFdata: x\n\n"));
    }

    @Test
    void commentsAreIgnored() {
        assertEquals(List.of("event id= type=message topic=null data=x"),
                parse(": beacon stream open\n\n:heartbeat\ndata: x\n: in the middle\n\n"));
    }

    @Test
    void aFieldWithoutAColonHasAnEmptyValue() {
        assertEquals(List.of("event id= type=message topic=null data=", "event id= type=message topic=null "
                + "data=\nb"), parse("data\n\ndata\ndata: b\n\n"));
    }

    @Test
    void removesExactlyOneSpaceAfterTheColon() {
        assertEquals(List.of("event id= type=message topic=null data=x",
                "event id= type=message topic=null data= x"), parse("data:x\n\ndata:  x\n\n"));
    }

    @Test
    void retryTakesAsciiDigitsOnly() {
        assertEquals(List.of("retry 1500", "retry 0"), parse("retry: 1500\nretry: 15s\nretry: -1\nretry:\n"
                + "retry: 0\n\n"));
    }

    @Test
    void anIdWithNulIsIgnoredAndTheIdPersistsToLaterEvents() {
        assertEquals(List.of("event id=7 type=message topic=null data=a", "event id=7 type=message topic=null data=b"),
                parse("id: 7\ndata: a\n\nid: 8\0\ndata: b\n\n"));
    }

    @Test
    void eventTypeAndTopicApplyToOneEventOnly() {
        assertEquals(List.of("event id=5 type=quote topic=prices data=1", "event id=6 type=message topic=null data=2"),
                parse("id: 5\ntopic: prices\nevent: quote\ndata: 1\n\nid: 6\ndata: 2\n\n"));
    }

    @Test
    void anIdOnlyBlockMovesThePositionAndDispatchesNothing() {
        // Beacon opens every stream with its subscription's position this way (issue 17).
        assertEquals(List.of("position 41", "event id=42 type=message topic=news data=x"),
                parse(": beacon stream open\n\nid: 41\n\nid: 42\ntopic: news\ndata: x\n\n"));
        assertEquals(List.of("position 41"), parse("id: 41\n\nid: 41\n\n"), "a block that leaves it where it was");
    }

    @Test
    void aBlockWithoutDataDispatchesNothingAndForgetsItsType() {
        assertEquals(List.of("event id= type=message topic=null data=x"), parse("event: a\n\ndata: x\n\n"));
    }

    @Test
    void anEventCutOffByTheEndOfTheStreamIsNotDispatched() {
        assertEquals(List.of("event id=1 type=message topic=null data=a"), parse("id: 1\ndata: a\n\nid: 2\ndata: b\n"));
    }

    @Test
    void anEventWithoutIdAfterAReconnectKeepsTheLastEventIdItStartedFrom() {
        // Beacon's beacon-gap carries no id: the checkpoint stays until a real event moves it.
        byte[] stream = "event: beacon-gap\ndata: {}\n\nid: 9\ndata: x\n\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("event id=3 type=beacon-gap topic=null data={}", "event id=9 type=message topic=null "
                + "data=x"), parse("3", stream, stream.length));
    }

    @Test
    void aCharacterSplitBetweenChunksSurvives() {
        byte[] stream = "data: 服务器 🌏\n\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("event id= type=message topic=null data=服务器 🌏"), parse(null, stream, 1));
    }
}
