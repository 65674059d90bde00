package dev.beacon.progress;

import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jobs over HTTP: start, status, progress events, exactly one end event, resume, cancel, failure and limits. */
class JobsTest {

    private static final String SHORT = "{\"kind\":\"training\",\"params\":{\"total_epochs\":2,\"steps_per_epoch\":5}}";
    private static final String LONG = "{\"kind\":\"training\",\"params\":{\"total_epochs\":1000,"
            + "\"steps_per_epoch\":1000}}";
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(TrainingJob.STEP_MILLIS, "2", Jobs.MAX_RUNNING, "2", "beacon.heartbeat", "0.5");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void startsATrainingJobThatStreamsProgressThenExactlyOneComplete() {
        HttpResponse<String> started = post(SHORT);
        assertEquals(202, started.statusCode(), started.body());
        String id = Http.json(started.body()).getString("id");
        assertTrue(started.headers().firstValue("Location").orElseThrow().endsWith("/api/jobs/" + id));

        List<Event> events = Event.parse(readToEnd(id, null));
        assertEquals(11, events.size(), "10 steps, one progress event each (each is 10%), then the end: " + events);
        double previous = 0;
        for (int i = 0; i < 10; i++) {
            Event progress = events.get(i);
            assertEquals("progress", progress.name());
            JsonObject data = Http.json(progress.data());
            assertEquals(i < 5 ? 1 : 2, data.getInt("epoch"));
            assertEquals(2, data.getInt("total_epochs"));
            double percent = data.getJsonNumber("progress_percent").doubleValue();
            assertTrue(percent > previous, "progress grows: " + events);
            previous = percent;
            assertTrue(data.getJsonNumber("loss").doubleValue() > 0);
        }
        assertEquals(100.0, previous);
        Event end = events.get(10);
        assertEquals("complete", end.name());
        assertEquals(id, Http.json(end.data()).getString("job_id"));
        assertEquals("complete", status(id).getString("state"));
        assertEquals(100, status(id).getInt("progress_percent"));
    }

    @Test
    void aLateSubscriberGetsTheWholeHistoryAndResumesByLastEventId() {
        String id = Http.json(post(SHORT).body()).getString("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> "complete".equals(status(id).getString("state")));
        List<Event> all = Event.parse(readToEnd(id, null));
        assertEquals(11, all.size());

        List<Event> rest = Event.parse(readToEnd(id, all.get(4).id()));
        assertEquals(all.subList(5, 11), rest, "everything after the Last-Event-ID, once, in order");
        try (RawSse done = RawSse.get(server, "jobs/" + id + "/events", "Last-Event-ID: " + all.get(10).id())) {
            assertTrue(done.head().startsWith("HTTP/1.1 204"), "it has the end already: " + done.head());
        }
    }

    @Test
    void cancellingEndsTheStreamWithOneCancelledEvent() {
        String id = Http.json(post(LONG).body()).getString("id");
        try (EventRecorder events = EventRecorder.open(server.api("jobs/" + id + "/events"))) {
            assertEquals("progress", events.next().getName());
            HttpResponse<String> cancelled = http.send(cancel(id));
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            assertEquals("cancelled", Http.json(cancelled.body()).getString("state"));
            InboundSseEvent end;
            do {
                end = events.next();
            } while ("progress".equals(end.getName()));
            assertEquals("cancelled", end.getName());
        }
        List<Event> all = Event.parse(readToEnd(id, null));
        assertEquals(1, all.stream().filter(e -> !e.name().equals("progress")).count(), all.toString());
        assertEquals("cancelled", all.get(all.size() - 1).name(), "the end event is the last");
        assertEquals(200, http.send(cancel(id)).statusCode());
    }

    @Test
    void cancellingAFinishedJobIsAConflict() {
        String id = Http.json(post(SHORT).body()).getString("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> "complete".equals(status(id).getString("state")));
        assertEquals(409, http.send(cancel(id)).statusCode());
    }

    @Test
    void javaCodeRunsItsOwnWorkAsAJobAndAFailureIsOneFailedEvent() {
        String id = server.bean(Jobs.class).start("import", reporter -> {
            reporter.progress(50, Map.of("rows", 500));
            throw new IllegalStateException("disk full");
        });
        List<Event> events = Event.parse(readToEnd(id, null));
        assertEquals(2, events.size(), events.toString());
        assertEquals("progress", events.get(0).name());
        assertEquals(500, Http.json(events.get(0).data()).getInt("rows"));
        assertEquals("failed", events.get(1).name());
        assertEquals("disk full", Http.json(events.get(1).data()).getString("message"));
        assertTrue(!events.get(1).data().contains("at dev.beacon"), "no stack trace");
        assertEquals("failed", status(id).getString("state"));
    }

    @Test
    void refusesJobsBeyondTheMaximumRunningWith429() {
        await().atMost(Duration.ofSeconds(10)).until(JobsTest::nothingRunning);
        String first = Http.json(post(LONG).body()).getString("id");
        String second = Http.json(post(LONG).body()).getString("id");
        HttpResponse<String> third = post(LONG);
        assertEquals(429, third.statusCode(), third.body());
        assertEquals("application/problem+json", third.headers().firstValue("Content-Type").orElse(""));
        http.send(cancel(first));
        http.send(cancel(second));
    }

    @Test
    void answers404ForAnUnknownJob() {
        for (HttpResponse<String> response : List.of(http.get("jobs/nope"), http.get("jobs/nope/events"),
                http.send(cancel("nope")))) {
            assertEquals(404, response.statusCode(), response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"kind\":\"training\",\"params\":{\"total_epochs\":0}}",
            "{\"kind\":\"training\",\"params\":{\"total_epochs\":1001}}",
            "{\"kind\":\"training\",\"params\":{\"steps_per_epoch\":\"ten\"}}",
            "{\"kind\":\"training\",\"params\":{\"total_epochs\":1000,\"steps_per_epoch\":10000}}",
            "{\"kind\":\"training\",\"params\":[]}", "{\"kind\":\"baking\"}", "{}", "[1]", "not json"})
    void refusesBadRequestsWithAProblem(String body) {
        HttpResponse<String> response = post(body);
        assertEquals(400, response.statusCode(), body + " -> " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }

    private static boolean nothingRunning() {
        return server.bean(Jobs.class).running() == 0;
    }

    /** With the static token: jobs need it once one is set. */
    private static HttpResponse<String> post(String body) {
        return http.send(HttpRequest.newBuilder(server.api("jobs")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestServer.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder cancel(String id) {
        return HttpRequest.newBuilder(server.api("jobs/" + id)).header("Authorization", "Bearer " + TestServer.TOKEN)
                .DELETE();
    }

    private static JsonObject status(String id) {
        return Http.json(http.get("jobs/" + id).body());
    }

    private static String readToEnd(String id, String lastEventId) {
        try (RawSse stream = lastEventId == null ? RawSse.get(server, "jobs/" + id + "/events")
                : RawSse.get(server, "jobs/" + id + "/events", "Last-Event-ID: " + lastEventId)) {
            return stream.readToEnd();
        }
    }

    /** One event parsed from the raw stream. */
    record Event(String id, String name, String data) {

        /** Comments and the id-only position that opens a stream are not events: a browser dispatches neither. */
        static List<Event> parse(String body) {
            return java.util.Arrays.stream(body.split("\n\n"))
                    .filter(block -> block.contains("\ndata: "))
                    .map(block -> new Event(field(block, "id"), field(block, "event"), field(block, "data")))
                    .toList();
        }

        private static String field(String block, String name) {
            return java.util.Arrays.stream(block.split("\n"))
                    .filter(line -> line.startsWith(name + ": "))
                    .map(line -> line.substring(name.length() + 2))
                    .findFirst().orElseThrow(() -> new AssertionError("No " + name + " in " + block));
        }
    }
}
