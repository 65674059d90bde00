package dev.beacon.stats;

import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real readings, once a second, while someone subscribes. */
class StatsTest {

    private static final Set<String> FIELDS = Set.of("cpu_percent", "process_cpu_percent", "memory_percent",
            "memory_used_mb", "memory_total_mb", "heap_used_mb", "heap_max_mb", "load_average", "subscribers",
            "timestamp");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sendsReadingsWithEveryFieldTypedAndInRange() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/stats"))) {
            for (int i = 0; i < 2; i++) {
                InboundSseEvent event = events.next(Stats.EVENT);
                JsonObject stats = Http.json(event.readData());
                assertEquals(FIELDS, stats.keySet());
                percentOrNull(stats, "cpu_percent");
                percentOrNull(stats, "process_cpu_percent");
                percentOrNull(stats, "memory_percent");
                long total = stats.getJsonNumber("memory_total_mb").longValueExact();
                long used = stats.getJsonNumber("memory_used_mb").longValueExact();
                assertTrue(total > 0 && used > 0 && used <= total, stats.toString());
                assertTrue(stats.getJsonNumber("heap_used_mb").longValueExact() >= 0, stats.toString());
                assertTrue(stats.getInt("subscribers") >= 1, "this subscriber counts: " + stats);
                Instant.parse(stats.getString("timestamp"));
            }
        }
    }

    @Test
    void writesStatsEventsOnTheWire() {
        try (RawSse stream = RawSse.get(server, "streams/stats")) {
            String body = RawSse.withoutHeartbeats(stream.readUntil("}\n\n"));
            assertTrue(body.matches("(?s): beacon stream open\n\nid: \\d+\n\nid: \\d+\ntopic: stats\nevent: stats\ndata: \\{\"cpu_percent\".*"
                    + "\"timestamp\":\"[^\"]+\"}\n\n"), body);
        }
    }

    private static void percentOrNull(JsonObject stats, String field) {
        JsonValue value = stats.get(field);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return; // the platform could not tell yet
        }
        double percent = ((JsonNumber) value).doubleValue();
        assertTrue(percent >= 0 && percent <= 100, field + " " + percent);
    }
}
