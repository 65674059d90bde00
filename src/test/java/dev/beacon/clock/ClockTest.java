package dev.beacon.clock;

import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clock ticks only while someone listens, with the time as ISO-8601 and epoch milliseconds. */
class ClockTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start("beacon.heartbeat", "0.2");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sendsTheTimeEverySecondWhileSubscribedAndNothingAfter() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/clock"))) {
            long previousMs = 0;
            for (int i = 0; i < 2; i++) {
                InboundSseEvent event = events.next(Time.EVENT);
                JsonObject time = Http.json(event.readData());
                long epochMs = time.getJsonNumber("epoch_ms").longValueExact();
                assertEquals(Instant.parse(time.getString("iso")).toEpochMilli(), epochMs);
                assertTrue(Math.abs(System.currentTimeMillis() - epochMs) < 10_000, "the server's time now");
                assertTrue(epochMs > previousMs, "time moves forward");
                previousMs = epochMs;
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> topic().getInt("subscribers") == 0);
        long published = topic().getJsonNumber("published").longValue();
        await("no time published without a subscriber").during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(5)).until(() -> topic().getJsonNumber("published").longValue() == published);
    }

    @Test
    void writesTimeEventsOnTheWire() {
        try (RawSse stream = RawSse.get(server, "streams/clock")) {
            String body = RawSse.withoutHeartbeats(stream.readUntil("}\n\n"));
            assertTrue(body.matches(": beacon stream open\n\nid: \\d+\n\nid: \\d+\ntopic: clock\nevent: time\n"
                    + "data: \\{\"epoch_ms\":\\d+,\"iso\":\"[-0-9T:.]+Z\"}\n\n"), body);
        }
    }

    private static JsonObject topic() {
        return Http.json(http.get("topics/clock").body());
    }
}
