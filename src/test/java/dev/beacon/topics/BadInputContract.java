package dev.beacon.topics;

import dev.beacon.config.BeaconConfig;
import dev.beacon.server.EmbeddedServer;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.Problems;
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
            Problems.assertProblem(400, http.publishText(TOPIC, "evil\r\nevent: injected", "x"), "control character");
            Problems.assertProblem(400, http.publishText(TOPIC, "evil\ndata: injected", "x"), "control character");
            Problems.assertProblem(400, http.publishText(TOPIC, "nul\u0000name", "x"), "U+0000");
            Problems.assertProblem(400, http.publishJson(TOPIC, "{\"event\":\"a\\r\\nid: 1\",\"data\":1}"), "control");
            Problems.assertProblem(400, http.publishJson(TOPIC, "{\"data\":"), "Malformed JSON");
            Problems.assertProblem(400, http.publishJson(TOPIC, "[1,2]"), "must be an object");
            Problems.assertProblem(400, http.publishJson(TOPIC, "{\"event\":\"e\"}"), "data");
            Problems.assertProblem(400, http.publishJson(TOPIC, "{\"data\":1,\"id\":\"5\"}"), "Unknown field 'id'");
            Problems.assertProblem(400, http.publishJson(TOPIC, "{\"data\":1,\"retry\":\"soon\"}"), "retry");
            Problems.assertProblem(400, post(TOPIC + "/events?retry=12a", "text/plain", "x"), "ASCII digits");
            Problems.assertProblem(400, post("bad%20topic/events", "text/plain", "x"), "Invalid topic name");
            Problems.assertProblem(400, post("caf%C3%A9/events", "text/plain", "x"), "Invalid topic name");
            Problems.assertProblem(413, post(TOPIC + "/events", "text/plain", "x".repeat(1025)), "1024 bytes");
            Problems.assertProblem(415, post(TOPIC + "/events", "application/xml", "<x/>"), "text/plain");
            Problems.assertProblem(400, http.send(HttpRequest.newBuilder(http.api("topics/" + TOPIC + "/events"))
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
        Problems.assertProblem(401, missing, "Bearer");
        assertEquals("Bearer realm=\"beacon\"", missing.headers().firstValue("WWW-Authenticate").orElse(null));
        Problems.assertProblem(401, http.send(HttpRequest.newBuilder(http.api("topics/auth/events"))
                .header("Authorization", "Bearer wrong").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"))), "wrong");
        assertEquals(404, http.get("topics/auth").statusCode(), "nothing was published, so no topic exists");
    }

    @Test
    void refusesBadSubscriptionsBeforeTheStreamStarts() {
        Problems.assertProblem(400, http.get("streams"), "at least one topic");
        Problems.assertProblem(400, http.get("streams/bad%0Atopic"), "Invalid topic name");
        Problems.assertProblem(400, http.get("streams?topic=ok&topic=no%20spaces"), "Invalid topic name");
        Problems.assertProblem(400, http.send(HttpRequest.newBuilder(http.api("streams/fine"))
                .header("Last-Event-ID", "12abc").GET()), "Malformed Last-Event-ID");
        Problems.assertProblem(400, http.get("streams/fine?lastEventId=-1"), "Malformed Last-Event-ID");
    }

    @Test
    void answersUnknownPathsAndEventsWithProblems() {
        Problems.assertProblem(404, http.get("nothing-here"), null);
        Problems.assertProblem(404, http.get("topics/never-published"), "never-published");
        Problems.assertProblem(400, http.get("topics/x/events/abc"), "decimal");
    }

    private HttpResponse<String> post(String topicPath, String contentType, String body) {
        return http.send(HttpRequest.newBuilder(http.api("topics/" + topicPath))
                .header("Authorization", "Bearer " + TestServer.TOKEN)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
