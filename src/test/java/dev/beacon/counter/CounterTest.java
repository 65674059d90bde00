package dev.beacon.counter;

import dev.beacon.config.BeaconConfig;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counter, in both generator styles: ids, order, the clean end, the error path, bounds, and a client leaving. */
class CounterTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(BeaconConfig.HEARTBEAT, "0.2");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"counter", "counter/async"})
    void sendsCountEventsWithIdsFromZeroInOrder(String path) {
        try (EventRecorder events = EventRecorder.open(server.api(path + "?count=5&interval=20"))) {
            for (int i = 0; i < 5; i++) {
                InboundSseEvent event = events.next("counter");
                assertEquals(String.valueOf(i), event.getId(), "ids count from 0, in order");
                JsonObject data = Http.json(event.readData());
                assertEquals(i, data.getInt("value"));
                assertEquals(5, data.getInt("count"));
            }
            events.assertExhausted();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"counter", "counter/async"})
    void writesSpecExactFramesAndEndsTheBody(String path) {
        try (RawSse stream = RawSse.get(server, path + "?count=2&interval=0")) {
            assertEquals(": beacon stream open\n\n"
                    + "id: 0\nevent: counter\ndata: {\"count\":2,\"value\":0}\n\n"
                    + "id: 1\nevent: counter\ndata: {\"count\":2,\"value\":1}\n\n", RawSse.withoutHeartbeats(stream.readToEnd()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"counter", "counter/async"})
    void aFailingGeneratorSendsAnErrorEventWithAMessage(String path) {
        try (EventRecorder events = EventRecorder.open(server.api(path + "?count=5&interval=0&failAt=2"))) {
            assertEquals("0", events.next("counter").getId());
            assertEquals("1", events.next("counter").getId());
            InboundSseEvent error = events.next("error");
            assertEquals(null, error.getId(), "an error event moves no checkpoint");
            String message = Http.json(error.readData()).getString("message");
            assertTrue(message.contains("failAt=2"), message);
            assertFalse(error.readData().contains("at dev.beacon"), "no stack trace reaches the client");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"counter", "counter/async"})
    void aFailingGeneratorEndsTheStreamCleanlyAfterTheErrorEvent(String path) {
        try (RawSse stream = RawSse.get(server, path + "?count=5&interval=0&failAt=1")) {
            assertEquals(": beacon stream open\n\n"
                    + "id: 0\nevent: counter\ndata: {\"count\":5,\"value\":0}\n\n"
                    + "event: error\ndata: {\"message\":\"Counter failed at 1 as asked (failAt=1)\"}\n\n",
                    RawSse.withoutHeartbeats(stream.readToEnd()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> running() == 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"counter", "counter/async"})
    void resumesAfterLastEventIdAndAnswers204OnceComplete(String path) {
        try (RawSse stream = RawSse.get(server, path + "?count=3&interval=0", "Last-Event-ID: 0")) {
            assertEquals(": beacon stream open\n\n"
                    + "id: 1\nevent: counter\ndata: {\"count\":3,\"value\":1}\n\n"
                    + "id: 2\nevent: counter\ndata: {\"count\":3,\"value\":2}\n\n", RawSse.withoutHeartbeats(stream.readToEnd()));
        }
        try (RawSse stream = RawSse.get(server, path + "?count=3&interval=0", "Last-Event-ID: 2")) {
            assertTrue(stream.head().startsWith("HTTP/1.1 204"), "nothing left: stop for good: " + stream.head());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"counter", "counter/async"})
    void stopsTheGeneratorWhenTheClientLeaves(String path) {
        await().atMost(Duration.ofSeconds(10)).until(() -> running() == 0);
        EventRecorder events = EventRecorder.open(server.api(path + "?count=10000&interval=60000"));
        assertEquals("0", events.next("counter").getId());
        assertEquals(1, running(), "one generator runs while its client listens");
        events.close();
        await("the generator to stop after its client left").atMost(Duration.ofSeconds(10))
                .until(() -> running() == 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"count=0", "count=10001", "count=abc", "interval=-1", "interval=60001",
            "count=3&failAt=3"})
    void refusesOutOfBoundsParametersWithAProblem(String query) {
        for (String path : new String[] {"counter", "counter/async"}) {
            HttpResponse<String> response = http.get(path + "?" + query);
            assertEquals(400, response.statusCode(), path + "?" + query + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        }
    }

    private static int running() {
        return Http.json(http.get("generators").body()).getInt("running");
    }
}
