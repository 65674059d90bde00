package dev.beacon.stream;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Gap;
import dev.beacon.server.EmbeddedServer;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Multi-topic subscriptions and resuming by Last-Event-ID, with and without a gap. History keeps 5 per topic. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ResumeContract {

    /** {@code direct} or {@code portable}: see {@link dev.beacon.server.EmbeddedServer#TRANSPORT}. */
    abstract String transport();

    /** Settings of the store, as key, value pairs; none for the memory store, the default. */
    String[] storeSettings() {
        return new String[0];
    }

    private TestServer server;
    private Http http;

    @BeforeAll
    void start() {
        server = TestServer.start(with(storeSettings(), EmbeddedServer.TRANSPORT, transport(),
                BeaconConfig.HISTORY_SIZE, "5"));
        http = new Http(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void oneConnectionReceivesSeveralTopicsInIdOrder() {
        try (EventRecorder events = EventRecorder.open(server.api("streams?topic=multi-a&topic=multi-b"))) {
            String a1 = http.published("multi-a", "a", "1");
            String b1 = http.published("multi-b", "b", "2");
            String a2 = http.published("multi-a", "a", "3");
            http.published("multi-c", "c", "not subscribed");

            assertEquals(List.of(a1, b1, a2), ids(events.next(3)));
            events.assertExhausted();
        }
    }

    @Test
    void replaysMissedEventsAfterLastEventIdAcrossTopics() {
        String first = http.published("resume-a", null, "seen");
        String a = http.published("resume-a", null, "missed 1");
        String b = http.published("resume-b", null, "missed 2");
        http.published("resume-other", null, "not subscribed");
        String c = http.published("resume-a", null, "missed 3");

        try (EventRecorder events = EventRecorder.open(server.api("streams?topic=resume-a&topic=resume-b"), first)) {
            List<InboundSseEvent> replayed = events.next(3);
            assertEquals(List.of(a, b, c), ids(replayed));
            assertEquals("missed 1", replayed.get(0).readData());
            String live = http.published("resume-b", null, "live");
            assertEquals(live, events.next().getId(), "live events follow the replay");
            events.assertExhausted();
        }
    }

    @Test
    void theLastEventIdHeaderWinsOverTheQueryParameter() {
        String old = http.published("header-wins", null, "1");
        String newer = http.published("header-wins", null, "2");
        String latest = http.published("header-wins", null, "3");
        try (RawSse stream = RawSse.get(server, "streams/header-wins?lastEventId=" + old, "Last-Event-ID: " + newer)) {
            String body = stream.readUntil("data: 3\n\n");
            assertTrue(body.endsWith(RawSse.opening(Long.parseLong(newer)) + "id: " + latest + "\ntopic: header-wins\ndata: 3\n\n"),
                    "the position is the header's id, then the event after it: " + body);
        }
    }

    @Test
    void anIdOlderThanTheHistoryGetsAGapEventThenWhatIsRetained() {
        String first = http.published("gap", null, "0");
        List<String> retained = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String id = http.published("gap", null, Integer.toString(i));
            if (i > 3) {
                retained.add(id);
            }
        }
        try (EventRecorder events = EventRecorder.open(server.api("streams/gap"), first)) {
            InboundSseEvent gap = events.next(Gap.EVENT);
            JsonObject data = Http.json(gap.readData());
            assertEquals(first, data.getString("lastEventId"));
            assertEquals("expired", data.getString("reason"));
            assertEquals(retained, ids(events.next(5)), "the 5 retained events, in order");
            events.assertExhausted();
        }
    }

    @Test
    void anUnknownIdGetsAGapEventThenEverythingRetained() {
        String only = http.published("unknown-id", null, "kept");
        try (EventRecorder events = EventRecorder.open(server.api("streams/unknown-id"), "999999999999999999")) {
            InboundSseEvent gap = events.next(Gap.EVENT);
            assertEquals("unknown", Http.json(gap.readData()).getString("reason"));
            assertEquals(only, events.next().getId());
            events.assertExhausted();
        }
    }

    @Test
    void anIdWithinTheHistoryResumesWithoutAGapEvent() {
        String seen = http.published("no-gap", null, "1");
        String missed = http.published("no-gap", null, "2");
        try (EventRecorder events = EventRecorder.open(server.api("streams/no-gap"), seen)) {
            assertEquals(missed, events.next().getId());
            events.assertExhausted();
        }
    }

    static String[] with(String[] storeSettings, String... settings) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(settings), java.util.Arrays.stream(storeSettings))
                .toArray(String[]::new);
    }

    static List<String> ids(List<InboundSseEvent> events) {
        return events.stream().map(InboundSseEvent::getId).toList();
    }
}
