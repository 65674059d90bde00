package dev.beacon.blackbox;

import dev.beacon.testing.Endpoint;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.TestServer;
import dev.beacon.testing.Tokens;
import dev.beacon.testing.Problems;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.SseEvent;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every stream of the README's URI table as a client sees it, part of {@link BlackBoxSuite} on every runtime: both
 * counters, the clock, real system stats, alerts narrowed by severity, quotes narrowed by symbol, a job's progress
 * and its end, and the relay of {@link SuiteSettings#UPSTREAM}. Streams that end are read from the socket to their end
 * (a JAX-RS {@code SseEventSource} would reconnect instead of reporting it); the others through the recorder.
 */
interface BuiltInStreams {

    /** How many events a test reads at most while it skips the feeds' other events. */
    int SKIP_AT_MOST = 200;

    /** The Beacon under test. */
    Endpoint beacon();

    @ParameterizedTest
    @ValueSource(strings = {"counter", "counter/async"})
    default void bothGeneratorStylesCountThenEnd(String path) {
        try (RawSse counter = RawSse.get(beacon(), path + "?count=4&interval=10")) {
            List<SseEvent> events = SseEvent.parse(counter.readToEnd());
            assertEquals(4, events.size(), events.toString());
            for (int i = 0; i < 4; i++) {
                assertEquals(String.valueOf(i), events.get(i).id());
                assertEquals("counter", events.get(i).name());
                assertEquals(i, Http.json(events.get(i).data()).getInt("value"));
            }
        }
    }

    @Test
    default void theClockSendsTheServerTimeEverySecond() {
        try (EventRecorder events = EventRecorder.open(beacon().api("streams/clock"))) {
            JsonObject first = Http.json(events.next("time").readData());
            JsonObject second = Http.json(events.next("time").readData());
            for (JsonObject time : List.of(first, second)) {
                assertEquals(Instant.parse(time.getString("iso")).toEpochMilli(),
                        time.getJsonNumber("epoch_ms").longValueExact(), time.toString());
            }
            assertTrue(second.getJsonNumber("epoch_ms").longValue() > first.getJsonNumber("epoch_ms").longValue(),
                    first + " then " + second);
        }
    }

    @Test
    default void statsCarryRealReadingsOfTheMachineAndTheJvm() {
        boolean cpuRead = false;
        try (EventRecorder events = EventRecorder.open(beacon().api("streams/stats"))) {
            for (int i = 0; i < 3; i++) {
                JsonObject stats = Http.json(events.next("stats").readData());
                long total = stats.getJsonNumber("memory_total_mb").longValueExact();
                long used = stats.getJsonNumber("memory_used_mb").longValueExact();
                assertTrue(total > 0 && used > 0 && used <= total, "memory of the machine: " + stats);
                assertTrue(percent(stats, "memory_percent") > 0, stats.toString());
                assertTrue(stats.getJsonNumber("heap_used_mb").longValueExact() > 0, stats.toString());
                assertTrue(stats.getInt("subscribers") >= 1, "this subscriber counts: " + stats);
                Instant.parse(stats.getString("timestamp"));
                if (stats.get("cpu_percent").getValueType() != JsonValue.ValueType.NULL) {
                    percent(stats, "cpu_percent");
                    percent(stats, "process_cpu_percent");
                    cpuRead = true;
                }
            }
        }
        assertTrue(cpuRead, "three readings and no CPU load in any");
    }

    @Test
    default void alertsNarrowedBySeverityCarryOnlyThatSeverity() {
        Http http = new Http(beacon());
        Problems.assertProblem(400, http.get("streams/alerts?severity=urgent"), "Unknown severity");
        try (EventRecorder events = EventRecorder.open(beacon().api("streams/alerts?severity=high"))) {
            publishAlert(http, "bb-alert-low", "low");
            publishAlert(http, "bb-alert-high", "high");
            // The simulator publishes too: skip its high alerts until ours, and see no other severity on the way.
            for (int i = 0; i < SKIP_AT_MOST; i++) {
                JsonObject alert = Http.json(nextBesidesGaps(events, "crime_alert").readData());
                assertEquals("high", alert.getString("severity"), alert.toString());
                if (alert.getString("crime_id").equals("bb-alert-high")) {
                    return;
                }
            }
            fail("bb-alert-high did not arrive");
        }
    }

    @Test
    default void quotesNarrowedBySymbolCarryOnlyThatSymbol() {
        Http http = new Http(beacon());
        HttpResponse<String> symbols = http.get("ticker/symbols");
        assertEquals(200, symbols.statusCode(), symbols.body());
        try (JsonReader reader = Json.createReader(new StringReader(symbols.body()))) {
            assertEquals(List.of("AAPL", "GOOGL", "MSFT"), reader.readArray().getValuesAs(JsonString::getString));
        }
        Problems.assertProblem(400, http.get("streams/ticker?symbols=NOPE"), "Unknown symbol 'NOPE'");
        try (EventRecorder events = EventRecorder.open(beacon().api("streams/ticker?symbols=MSFT"))) {
            for (int i = 0; i < 3; i++) {
                InboundSseEvent quote = nextBesidesGaps(events, "MSFT");
                JsonObject data = Http.json(quote.readData());
                assertEquals("MSFT", data.getString("symbol"));
                assertTrue(data.getJsonNumber("price").doubleValue() >= 0.01, data.toString());
            }
        }
    }

    @Test
    default void aJobStreamsItsProgressThenExactlyOneEnd() {
        Http http = new Http(beacon());
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(beacon().api("jobs"))
                .header("Authorization", "Bearer " + TestServer.TOKEN) // starting a job takes the publish token
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"training\",\"params\":{\"total_epochs\":1,\"steps_per_epoch\":"
                                + (SuiteSettings.HISTORY - 1) + "}}")));
        assertEquals(202, started.statusCode(), started.body());
        String id = Http.json(started.body()).getString("id");
        assertEquals(beacon().api("jobs/" + id), URI.create(started.headers().firstValue("Location").orElseThrow()));

        // A progress event per step, then the end: as many as the suite's history holds for a topic, so all of them
        // are still there for a stream that opens after the job has ended.
        List<SseEvent> events;
        // A job's topic is private: its events take a token that may subscribe to it.
        String reader = Tokens.hs256(Tokens.SECRET).subscribe("job-*").sign();
        try (RawSse stream = RawSse.get(beacon(), "jobs/" + id + "/events", "Authorization: Bearer " + reader)) {
            events = SseEvent.parse(stream.readToEnd());
        }
        assertEquals(SuiteSettings.HISTORY, events.size(), events.toString());
        List<SseEvent> progress = events.subList(0, events.size() - 1);
        assertTrue(progress.stream().allMatch(e -> e.name().equals("progress")), events.toString());
        double previous = -1;
        for (SseEvent event : progress) {
            double percent = Http.json(event.data()).getJsonNumber("progress_percent").doubleValue();
            assertTrue(percent > previous, "progress only grows: " + events);
            previous = percent;
        }
        assertEquals(100.0, previous, events.toString());
        assertEquals("complete", events.get(events.size() - 1).name(), "the end event, last: " + events);
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(beacon().api("jobs/" + id))
                .header("Authorization", "Bearer " + reader));
        assertEquals("complete", Http.json(status.body()).getString("state"), status.body());
    }

    @Test
    default void theRelayPublishesEachUpstreamAnswerAndReportsFailures() {
        Http http = new Http(beacon());
        JsonObject status = Http.json(http.get("relay").body());
        assertEquals(SuiteSettings.UPSTREAM.uri().toString(), status.getString("url"));
        assertEquals("relay", status.getString("topic"));
        try (EventRecorder events = EventRecorder.open(beacon().api("streams/relay"))) {
            JsonObject first = Http.json(events.skipTo("update", SKIP_AT_MOST).readData());
            JsonObject second = Http.json(events.skipTo("update", SKIP_AT_MOST).readData());
            assertEquals(LocalUpstream.SOURCE, first.getString("source"));
            assertTrue(second.getInt("n") > first.getInt("n"), first + " then " + second);
            SuiteSettings.UPSTREAM.answerWith(503);
            try {
                JsonObject error = Http.json(events.skipTo("error", SKIP_AT_MOST).readData());
                assertTrue(error.getString("reason").contains("HTTP 503"), error.toString());
            } finally {
                SuiteSettings.UPSTREAM.answerWith(200);
            }
            assertEquals(LocalUpstream.SOURCE, Http.json(events.skipTo("update", SKIP_AT_MOST).readData()).getString("source"),
                    "relaying again once the upstream answers");
        }
    }

    /** The value, checked to be a percentage. */
    private static double percent(JsonObject stats, String field) {
        double percent = ((JsonNumber) stats.get(field)).doubleValue();
        assertTrue(percent >= 0 && percent <= 100, field + " " + percent + " in " + stats);
        return percent;
    }

    /**
     * The next event, which must have this name, after any {@code beacon-gap}: the suite's queue of 8 drops a
     * subscriber that falls that far behind a busy feed (on a busy machine it does), and the recorder's reconnect then
     * resumes past the small history. What a test checks here is which events come, not that none were missed.
     */
    private static InboundSseEvent nextBesidesGaps(EventRecorder events, String name) {
        InboundSseEvent event = events.next();
        while ("beacon-gap".equals(event.getName())) {
            event = events.next();
        }
        assertEquals(name, event.getName(), "event name of " + event);
        return event;
    }

    private static void publishAlert(Http http, String crimeId, String severity) {
        HttpResponse<String> published = http.publishJson("alerts", "{\"event\":\"crime_alert\",\"data\":{\"crime_id\":\""
                + crimeId + "\",\"location\":\"Park Row\",\"severity\":\"" + severity + "\",\"timestamp\":\""
                + Instant.now() + "\"}}");
        assertEquals(201, published.statusCode(), published.body());
    }
}
