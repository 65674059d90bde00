package dev.beacon.blackbox;

import dev.beacon.testing.Endpoint;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.Problems;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client of Beacon sees over HTTP, whatever runs it: subscribers use the JAX-RS {@code SseEventSource} (or a
 * raw socket where the bytes matter), publishers plain HTTP; {@link BuiltInStreams} adds every built-in stream,
 * {@link AccessControlCases} the access-control cases and {@link PublishCases} the answers to publishes. Subclasses
 * say where Beacon is; it runs with {@link SuiteSettings}. Each test uses topics of its own.
 */
abstract class BlackBoxSuite extends AccessControlCases implements BuiltInStreams, PublishCases {

    /** The Beacon under test. */
    @Override
    public abstract Endpoint beacon();

    @AfterAll
    static void stopUpstream() {
        SuiteSettings.UPSTREAM.close();
    }

    Http http() {
        return new Http(beacon());
    }

    private URI api(String path) {
        return beacon().api(path);
    }

    @Test
    void publishesOverHttpToAJaxRsClient() {
        Http http = http();
        String id;
        try (EventRecorder events = EventRecorder.open(api("streams/bb-publish"))) {
            id = http.published("bb-publish", "greeting", "hello\nworld");
            HttpResponse<String> json = http.publishJson("bb-publish",
                    "{\"event\":\"quote\",\"data\":{\"symbol\":\"ACME\",\"price\":12.5},\"retry\":1500}");
            assertEquals(201, json.statusCode(), json.body());

            InboundSseEvent text = events.next("greeting");
            assertEquals(id, text.getId());
            assertEquals("hello\nworld", text.readData());
            InboundSseEvent quote = events.next("quote");
            assertEquals(Http.json(json.body()).getString("id"), quote.getId());
            assertEquals(1500, quote.getReconnectDelay());
            assertEquals(12.5, Http.json(quote.readData()).getJsonNumber("price").doubleValue());
            events.assertExhausted();
        }
        HttpResponse<String> retained = http.get("topics/bb-publish/events/" + id);
        assertEquals(200, retained.statusCode(), retained.body());
        assertEquals("hello\nworld", Http.json(retained.body()).getString("data"));
    }

    @Test
    void answersAPublishWithTheEventsLocation() {
        HttpResponse<String> response = http().publishText("bb-location", null, "here");
        assertEquals(201, response.statusCode(), response.body());
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertEquals(api("topics/bb-location/events/" + Http.json(response.body()).getString("id")), location,
                "the Location is under this deployment's own context root");
        assertEquals(200, http().send(HttpRequest.newBuilder(location).GET()).statusCode());
    }

    @Test
    void oneConnectionReceivesSeveralTopicsInIdOrder() {
        Http http = http();
        try (EventRecorder events = EventRecorder.open(api("streams?topic=bb-multi-a&topic=bb-multi-b"))) {
            String a1 = http.published("bb-multi-a", "a", "1");
            String b1 = http.published("bb-multi-b", "b", "2");
            http.published("bb-multi-c", "c", "not subscribed");
            String a2 = http.published("bb-multi-a", "a", "3");
            assertEquals(List.of(a1, b1, a2), ids(events.next(3)));
            events.assertExhausted();
        }
    }

    @Test
    void resumesAfterLastEventIdWithEveryMissedEventThenLive() {
        Http http = http();
        String seen = http.published("bb-resume-a", null, "seen");
        String a = http.published("bb-resume-a", null, "missed 1");
        String b = http.published("bb-resume-b", null, "missed 2");
        try (EventRecorder events = EventRecorder.open(api("streams?topic=bb-resume-a&topic=bb-resume-b"), seen)) {
            List<InboundSseEvent> replayed = events.next(2);
            assertEquals(List.of(a, b), ids(replayed));
            assertEquals("missed 1", replayed.get(0).readData());
            String live = http.published("bb-resume-b", null, "live");
            assertEquals(live, events.next().getId(), "live events follow the replay");
            events.assertExhausted();
        }
    }

    @Test
    void resumesFromTheLastEventIdHeaderAsABrowserSendsIt() {
        Http http = http();
        String seen = http.published("bb-header", null, "1");
        String missed = http.published("bb-header", null, "2");
        try (RawSse stream = RawSse.get(beacon(), "streams/bb-header", "Last-Event-ID: " + seen)) {
            assertTrue(stream.readUntil("data: 2\n\n").endsWith(": beacon stream open\n\nid: " + seen + "\n\nid: "
                    + missed + "\ntopic: bb-header\ndata: 2\n\n"), "the position is the client's own id, then what it missed: "
                    + stream.body());
        }
    }

    @Test
    void anIdOlderThanTheHistoryGetsAGapEventThenWhatIsRetained() {
        Http http = http();
        String first = http.published("bb-gap", null, "0");
        List<String> retained = new ArrayList<>();
        int published = SuiteSettings.HISTORY + 3;
        for (int i = 1; i <= published; i++) {
            String id = http.published("bb-gap", null, Integer.toString(i));
            if (i > published - SuiteSettings.HISTORY) {
                retained.add(id);
            }
        }
        try (EventRecorder events = EventRecorder.open(api("streams/bb-gap"), first)) {
            JsonObject gap = Http.json(events.next("beacon-gap").readData());
            assertEquals(first, gap.getString("lastEventId"));
            assertEquals("expired", gap.getString("reason"));
            assertEquals(retained, ids(events.next(SuiteSettings.HISTORY)), "what is retained, in order");
            events.assertExhausted();
        }
    }

    @Test
    void anUnknownIdGetsAGapEventThenEverythingRetained() {
        String only = http().published("bb-unknown", null, "kept");
        try (EventRecorder events = EventRecorder.open(api("streams/bb-unknown"), "999999999999999999")) {
            assertEquals("unknown", Http.json(events.next("beacon-gap").readData()).getString("reason"));
            assertEquals(only, events.next().getId());
            events.assertExhausted();
        }
    }

    @Test
    void sendsHeartbeatCommentsOnAnIdleStream() {
        try (RawSse stream = RawSse.get(beacon(), "streams/bb-heartbeat")) {
            String body = stream.readUntil(": heartbeat\n\n: heartbeat\n\n");
            assertTrue(opening().matcher(body).lookingAt(), body);
        }
    }

    @Test
    void answersWithEventStreamHeadersAndSpecExactFrames() {
        try (RawSse stream = RawSse.get(beacon(), "streams/bb-wire")) {
            String head = stream.head().toLowerCase(Locale.ROOT);
            assertTrue(head.startsWith("http/1.1 200"), head);
            assertTrue(head.contains("\r\ncontent-type: text/event-stream"), head);
            assertTrue(head.contains("\r\ncache-control: no-cache"), head);
            assertTrue(head.contains("\r\nx-accel-buffering: no"), head);
            assertFalse(head.contains("\r\ncontent-encoding:"), "an event stream is never compressed: " + head);
            assertFalse(head.contains("\r\nconnection:"), "no Connection header, which HTTP/2 forbids: " + head);
            assertTrue(opening().matcher(stream.readUntil("open\n\n")).matches(), stream.body());

            String id = http().published("bb-wire", "multi", "one\r\ntwo\rthree\nfour\n\n six");
            String body = stream.readUntil("six\n\n");
            assertTrue(body.matches("(?s).*open\n\nid: \\d+\n\nid: " + id + "\ntopic: bb-wire\nevent: multi\ndata: one\ndata: two\ndata: three\n"
                    + "data: four\ndata: \ndata:  six\n\n"), body);
        }
    }

    @Test
    void aClientThatLeavesIsReleased() {
        Http http = http();
        EventRecorder events = EventRecorder.open(api("streams/bb-leaving"));
        http.published("bb-leaving", null, "hello");
        events.next();
        assertEquals(1, listed("bb-leaving").getInt("subscribers"));

        events.close();
        await("the subscriber to be released after its client left").atMost(Duration.ofSeconds(15))
                .until(() -> listed("bb-leaving").getInt("subscribers") == 0);
        assertEquals(0, listed("bb-leaving").getInt("droppedSlow"), "leaving is not being slow");
    }

    @Test
    void aStalledSubscriberIsDroppedWhileAHealthyOneReceivesEverything() {
        Http http = http();
        String big = "x".repeat(32 * 1024);
        try (RawSse stalled = RawSse.get(beacon(), "streams/bb-stall", 4096);
             EventRecorder healthy = EventRecorder.open(api("streams/bb-stall"))) {
            stalled.head(); // subscribed; from here on it never reads
            await().atMost(Duration.ofSeconds(10)).until(() -> listed("bb-stall").getInt("subscribers") == 2);
            // Each event is published once the healthy subscriber has the previous one, so it is never behind,
            // while the stalled one falls behind past its socket, the server's buffers and its queue of 8.
            int sent = 0;
            for (int i = 0; i < 400 && (i % 20 != 19 || listed("bb-stall").getInt("droppedSlow") == 0); i++) {
                sendAndReceive(http, healthy, i, big);
                sent++;
            }
            for (int i = sent; i < sent + 20; i++) {
                sendAndReceive(http, healthy, i, big);
            }
            await("the stalled subscriber to be dropped").atMost(Duration.ofSeconds(15))
                    .until(() -> listed("bb-stall").getInt("droppedSlow") == 1);
            assertEquals(1, listed("bb-stall").getInt("subscribers"), "only the healthy one is left");
            healthy.assertExhausted();
        }
    }

    private static void sendAndReceive(Http http, EventRecorder healthy, int i, String big) {
        String id = http.published("bb-stall", "big", i + ":" + big);
        InboundSseEvent received = healthy.next("big");
        assertEquals(id, received.getId());
        assertTrue(received.readData().startsWith(i + ":"), "event " + i + " in order");
    }

    @Test
    void refusesBadInputWith4xxProblemsBeforeAnythingHappens() {
        Http http = http();
        Problems.assertProblem(400, http.get("streams"), "at least one topic");
        Problems.assertProblem(400, http.get("streams/bad%20topic"), "Invalid topic name");
        Problems.assertProblem(400, http.send(HttpRequest.newBuilder(api("streams/bb-bad")).header("Last-Event-ID", "12x")
                .GET()), "Malformed Last-Event-ID");
        Problems.assertProblem(400, http.publishText("bb-bad", "evil\r\ndata: injected", "x"), "control character");
        Problems.assertProblem(400, http.publishJson("bb-bad", "{\"data\":"), "Malformed JSON");
        Problems.assertProblem(401, http.send(HttpRequest.newBuilder(api("topics/bb-bad/events"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x"))), "Bearer");
        Problems.assertProblem(413, http.send(post("bb-bad", "text/plain", "x".repeat(SuiteSettings.MAX_BYTES + 1))),
                Integer.toString(SuiteSettings.MAX_BYTES));
        Problems.assertProblem(415, http.send(post("bb-bad", "application/xml", "<x/>")), "text/plain");
        Problems.assertProblem(404, http.get("nothing-here"), null);
        assertEquals(404, http.get("topics/bb-bad").statusCode(), "nothing was published, so no topic exists");
    }

    @Test
    void headOnAStreamAnswersItsHeadersAndHoldsNothing() {
        for (String stream : List.of("streams/bb-head", "counter?count=10000&interval=60000")) {
            HttpResponse<String> head = http().send(HttpRequest.newBuilder(api(stream))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, head.statusCode(), stream);
            assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"), stream);
        }
        assertEquals(404, http().get("topics/bb-head").statusCode(), "no subscriber was left on the topic");
        assertEquals(0, Http.json(http().get("generators").body()).getInt("running"), "no generator was started");
    }

    @Test
    void aGeneratorStreamCountsAndEnds() {
        // Read from the socket to the end: a JAX-RS SseEventSource reconnects when a stream ends instead of reporting it.
        try (RawSse counter = RawSse.get(beacon(), "counter?count=5&interval=20")) {
            String body = counter.readToEnd();
            List<String> ids = body.lines().filter(line -> line.startsWith("id: ")).map(line -> line.substring(4))
                    .toList();
            assertEquals(List.of("0", "1", "2", "3", "4"), ids, "ids 0..count-1, then the end: " + body);
            assertTrue(body.endsWith("\n\n"), "the stream ended after a whole event: " + body);
        }
    }

    @Test
    void aCdiFedTopicDeliversItsEvents() {
        // The simulator publishes alerts through the CDI Publisher (switched on for the suite). A resume from an id the
        // hub never gave out replays what alerts holds, after a gap event, then goes live.
        try (EventRecorder events = EventRecorder.open(api("streams/alerts"), "1")) {
            events.next("beacon-gap");
            InboundSseEvent alert = events.next("crime_alert");
            assertFalse(alert.readData().isEmpty(), "an alert carries data");
        }
    }

    /** What opens every stream. RESTEasy (WildFly) writes a blank line or two before it, which the client ignores:
     * a blank line dispatches nothing while no field has been read (WHATWG HTML, "dispatch the event"). */
    private static Pattern opening() {
        return Pattern.compile("\n*: beacon stream open\n\n", Pattern.DOTALL);
    }

    private HttpRequest.Builder post(String topic, String contentType, String body) {
        return HttpRequest.newBuilder(api("topics/" + topic + "/events"))
                .header("Authorization", "Bearer " + TestServer.TOKEN)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The topic's figures as {@code GET /api/topics} lists them. */
    private JsonObject listed(String topic) {
        HttpResponse<String> response = http().get("topics");
        assertEquals(200, response.statusCode(), response.body());
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(response.body()))) {
            return reader.readArray().stream().map(JsonValue::asJsonObject)
                    .filter(t -> topic.equals(t.getString("topic")))
                    .findFirst().orElseThrow(() -> new AssertionError(topic + " not in " + response.body()));
        }
    }

    private static List<String> ids(List<InboundSseEvent> events) {
        return events.stream().map(InboundSseEvent::getId).toList();
    }
}
