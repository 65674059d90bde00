package dev.beacon.metrics;

import dev.beacon.config.BeaconConfig;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/metrics} reports what the hub did, in Prometheus text format. */
class MetricsTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(BeaconConfig.HISTORY_SIZE, "2");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void reportsPublishesDeliveriesSubscribersGapsAndLatency() {
        String first = http.published("metered", null, "zero");
        http.published("metered", null, "one");
        http.published("metered", null, "two");
        http.published("metered", null, "three");
        try (EventRecorder live = EventRecorder.open(server.api("streams/metered"));
             EventRecorder resumed = EventRecorder.open(server.api("streams/metered"), first)) {
            resumed.next("beacon-gap");
            resumed.next(2);
            http.published("metered", null, "four");
            live.next();
            resumed.next();

            HttpResponse<String> response = http.get("metrics");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            String text = response.body();
            // Other feeds (the ticker) publish too, so totals over all topics are at least this test's own.
            assertTrue(value(text, "beacon_events_published_total") >= 5.0, text);
            assertEquals(2.0, value(text, "beacon_subscribers"));
            assertEquals(2.0, value(text, "beacon_topic_subscribers\\{topic=\"metered\"\\}"));
            assertEquals(1.0, value(text, "beacon_resumes_total"));
            assertEquals(1.0, value(text, "beacon_gap_events_total"));
            assertTrue(value(text, "beacon_history_events") >= 2.0, text);
            assertEquals(4.0, value(text, "beacon_events_delivered_total"), "2 replayed + 1 live to each of 2");
            assertTrue(value(text, "beacon_delivery_latency_seconds_count") >= 2.0, text);
            assertTrue(text.contains("beacon_heartbeat_failures_total"), text);
            assertTrue(text.contains("beacon_subscribers_dropped_slow_total"), text);
        }
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(text);
        assertTrue(m.find(), "no series " + series + " in:\n" + text);
        return Double.parseDouble(m.group(1));
    }
}
