package dev.beacon.topics;

import dev.beacon.config.BeaconConfig;
import dev.beacon.server.EmbeddedServer;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every refused request is a 4xx with a problem body and changes nothing: after all of them, a subscriber of the
 * topic has received exactly the one good event, and the topic counts one publish.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputContract {

    /** {@code direct} or {@code portable}: see {@link dev.beacon.server.EmbeddedServer#TRANSPORT}. */
    abstract String transport();

    private static final String TOPIC = "bad-input";
    private TestServer server;
    private Http http;

    @BeforeAll
    void start() {
        server = TestServer.start(EmbeddedServer.TRANSPORT, transport(), BeaconConfig.PUBLISH_MAX_BYTES, "1024");
        http = new Http(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void refusesEveryBadPublishAndKeepsTheStreamWhole() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/" + TOPIC))) {
            assertProblem(400, http.publishText(TOPIC, "evil\r\nevent: injected", "x"), "control character");
            assertProblem(400, http.publishText(TOPIC, "evil\ndata: injected", "x"), "control character");
            assertProblem(400, http.publishText(TOPIC, "nul\u0000name", "x"), "U+0000");
            assertProblem(400, http.publishJson(TOPIC, "{\"event\":\"a\\r\\nid: 1\",\"data\":1}"), "control");
            assertProblem(400, http.publishJson(TOPIC, "{\"data\":"), "Malformed JSON");
            assertProblem(400, http.publishJson(TOPIC, "[1,2]"), "must be an object");
            assertProblem(400, http.publishJson(TOPIC, "{\"event\":\"e\"}"), "data");
            assertProblem(400, http.publishJson(TOPIC, "{\"data\":1,\"id\":\"5\"}"), "Unknown field 'id'");
            assertProblem(400, http.publishJson(TOPIC, "{\"data\":1,\"retry\":\"soon\"}"), "retry");
            assertProblem(400, post(TOPIC + "/events?retry=12a", "text/plain", "x"), "ASCII digits");
            assertProblem(400, post("bad%20topic/events", "text/plain", "x"), "Invalid topic name");
            assertProblem(400, post("caf%C3%A9/events", "text/plain", "x"), "Invalid topic name");
            assertProblem(413, post(TOPIC + "/events", "text/plain", "x".repeat(1025)), "1024 bytes");
            assertProblem(415, post(TOPIC + "/events", "application/xml", "<x/>"), "text/plain");
            assertProblem(400, http.send(HttpRequest.newBuilder(http.api("topics/" + TOPIC + "/events"))
                    .header("Authorization", "Bearer " + TestServer.TOKEN)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xC3, (byte) 0x28}))),
                    "not valid UTF-8");

            String good = http.published(TOPIC, "ok", "still fine");
            assertEquals(good, events.next("ok").getId(), "the one good event, and nothing injected before it");
            events.assertExhausted();
        }
        assertEquals(1, Http.json(http.get("topics/" + TOPIC).body()).getInt("published"));
    }

    @Test
    void refusesWrongOrMissingTokensWith401() {
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(http.api("topics/auth/events"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertProblem(401, missing, "Bearer");
        assertEquals("Bearer realm=\"beacon\"", missing.headers().firstValue("WWW-Authenticate").orElse(null));
        assertProblem(401, http.send(HttpRequest.newBuilder(http.api("topics/auth/events"))
                .header("Authorization", "Bearer wrong").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"))), "wrong");
        assertEquals(404, http.get("topics/auth").statusCode(), "nothing was published, so no topic exists");
    }

    @Test
    void refusesBadSubscriptionsBeforeTheStreamStarts() {
        assertProblem(400, http.get("streams"), "at least one topic");
        assertProblem(400, http.get("streams/bad%0Atopic"), "Invalid topic name");
        assertProblem(400, http.get("streams?topic=ok&topic=no%20spaces"), "Invalid topic name");
        assertProblem(400, http.send(HttpRequest.newBuilder(http.api("streams/fine"))
                .header("Last-Event-ID", "12abc").GET()), "Malformed Last-Event-ID");
        assertProblem(400, http.get("streams/fine?lastEventId=-1"), "Malformed Last-Event-ID");
    }

    @Test
    void answersUnknownPathsAndEventsWithProblems() {
        assertProblem(404, http.get("nothing-here"), null);
        assertProblem(404, http.get("topics/never-published"), "never-published");
        assertProblem(400, http.get("topics/x/events/abc"), "decimal");
    }

    private HttpResponse<String> post(String topicPath, String contentType, String body) {
        return http.send(HttpRequest.newBuilder(http.api("topics/" + topicPath))
                .header("Authorization", "Bearer " + TestServer.TOKEN)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static void assertProblem(int status, HttpResponse<String> response, String detailPart) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0], response.body());
        JsonObject problem = Http.json(response.body());
        assertEquals(status, problem.getInt("status"));
        if (detailPart != null) {
            String detail = problem.getString("detail", "");
            assertTrue(detail.contains(detailPart), "detail '" + detail + "' should mention '" + detailPart + "'");
        }
    }
}
