package dev.beacon.hub;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The wire format, byte for byte, without a server: what the WHATWG parser reads back must be exactly what was
 * published, and nothing in a value may become a field of its own
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream).
 */
class SseFramesTest {

    @Test
    void everyKindOfLineEndSplitsDataIntoLinesOfTheirOwn() {
        assertFrame("data: a\ndata: b\ndata: c\ndata: d\n", SseFrames.body(null, "a\nb\rc\r\nd", HubEvent.NO_RETRY));
    }

    @Test
    void aTrailingLineEndKeepsItsEmptyLastLine() {
        // The client joins data lines with LF and strips one final LF: "a\n" only survives as two data lines.
        assertFrame("data: a\ndata: \n", SseFrames.body(null, "a\n", HubEvent.NO_RETRY));
        assertFrame("data: \ndata: \n", SseFrames.body(null, "\r\n", HubEvent.NO_RETRY));
    }

    @Test
    void emptyDataIsOneEmptyDataLine() {
        assertFrame("data: \n", SseFrames.body(null, "", HubEvent.NO_RETRY));
    }

    @Test
    void aLeadingSpaceSurvivesBecauseTheOneAfterTheColonIsTheOneStripped() {
        assertFrame("data:  indented\n", SseFrames.body(null, " indented", HubEvent.NO_RETRY));
    }

    @Test
    void eventNameAndRetryComeBeforeTheData() {
        assertFrame("event: quote\nretry: 1500\ndata: {\"p\":1}\n", SseFrames.body("quote", "{\"p\":1}", 1500));
    }

    @Test
    void injectedFieldsInDataStayData() {
        assertFrame("data: x\ndata: id: 1\ndata: event: evil\ndata: \ndata: retry: 1\n",
                SseFrames.body(null, "x\nid: 1\revent: evil\r\n\nretry: 1", HubEvent.NO_RETRY));
    }

    @Test
    void textIsUtf8WithoutAByteOrderMark() {
        byte[] frame = SseFrames.body(null, "\u00e9\u20ac\ud83d\ude00", HubEvent.NO_RETRY);
        assertArrayEquals(("data: \u00e9\u20ac\ud83d\ude00\n").getBytes(StandardCharsets.UTF_8), frame);
        assertEquals('d', frame[0], "no BOM in front");
    }

    @Test
    void theIdLineGoesInFrontOfTheBody() {
        assertFrame("id: 42\nevent: e\ndata: d\n", SseFrames.withId(42, SseFrames.body("e", "d", HubEvent.NO_RETRY)));
    }

    @Test
    void aPositionIsAnIdLineAndNothingElse() {
        assertFrame("id: 1795292156060001\n", SseFrames.position(1795292156060001L));
    }

    @Test
    void everyLineOfACommentGetsItsOwnColonSoNoneBecomesAField() {
        assertFrame(": a\n: event: evil\n: data: x\n: \n", SseFrames.comment("a\nevent: evil\r\ndata: x\r"));
        assertFrame(": beacon stream open\n", SseFrames.OPENING);
        assertFrame(": heartbeat\n", SseFrames.HEARTBEAT);
    }

    @Test
    void eventNamesWithLineBreaksOrNulAreRefused() {
        assertThrows(InvalidInputException.class, () -> Names.event("a\nb"));
        assertThrows(InvalidInputException.class, () -> Names.event("a\rb"));
        assertThrows(InvalidInputException.class, () -> Names.event("a\u0000b"));
        assertEquals("quote", Names.event("quote"));
    }

    @Test
    void retryIsAsciiDigitsOnly() {
        assertThrows(InvalidInputException.class, () -> Names.retry("\u0661\u0662"), "Arabic-Indic digits");
        assertThrows(InvalidInputException.class, () -> Names.retry("-1"));
        assertThrows(InvalidInputException.class, () -> Names.retry("1.5"));
        assertEquals(1500, Names.retry("1500"));
    }

    private static void assertFrame(String expected, byte[] frame) {
        assertEquals(expected, new String(frame, StandardCharsets.UTF_8));
    }
}
