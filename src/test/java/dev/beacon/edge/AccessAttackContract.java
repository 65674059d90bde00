package dev.beacon.edge;

import dev.beacon.hub.Hub;
import dev.beacon.hub.HubEvent;
import dev.beacon.server.EmbeddedServer;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawHttp;
import dev.beacon.testing.RawHttp.Answer;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import dev.beacon.testing.Tokens;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static dev.beacon.testing.RawHttp.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Private topics, tried as an attacker would, on the embedded runner with a JWT key: every refusal is a 401 (no, bad
 * or expired token) or a 403 (a token without the right) as problem+json with its {@code WWW-Authenticate}, before
 * any stream starts and leaving nothing behind; what a token grants works, on a header or (to subscribe) a cookie;
 * a stream ends when its token expires and resumes with a fresh one.
 */
abstract class AccessAttackContract extends AttackSuite {

    private static final String INVALID = "error=\"invalid_token\"";
    private static final String SCOPE = "error=\"insufficient_scope\"";

    /** {@code direct} or {@code portable}: see {@link EmbeddedServer#TRANSPORT}. */
    abstract String transport();

    private String payrollEvent;

    @Override
    TestServer startServer() {
        TestServer started = TestServer.start(EmbeddedServer.TRANSPORT, transport(), "beacon.jwt.secret",
                Tokens.SECRET, "beacon.heartbeat", "1");
        payrollEvent = started.bean(Hub.class).publish("payroll", "salary", "{\"amount\":1}", HubEvent.NO_RETRY)
                .idText();
        new Http(started).get("topics");
        return started;
    }

    @Test
    void anonymousClientsSubscribeToPublicTopicsOnly() {
        try (RawSse alerts = RawSse.get(server, "streams/alerts")) {
            assertTrue(alerts.head().startsWith("HTTP/1.1 200"), alerts.head());
        }
        refused(401, INVALID, request("GET", "/api/streams/payroll"));
        refused(401, INVALID, request("GET", "/api/streams?topic=alerts&topic=payroll"));
        refused(401, INVALID, request("GET", "/api/streams/never-seen"));
        Answer head = RawHttp.exchange(server, request("HEAD", "/api/streams/payroll"));
        assertEquals(401, head.status(), head.raw());
        assertTrue(head.header("WWW-Authenticate").contains(INVALID), head.raw());
        assertEquals("", head.body(), "a HEAD answer has no body");
        refused(401, INVALID, request("GET", "/api/topics/payroll/events/" + payrollEvent));
        refused(401, INVALID, request("GET", "/api/topics/payroll"));
        assertFalse(RawHttp.exchange(server, request("GET", "/api/topics")).body().contains("payroll"),
                "a private topic is not listed to others");
    }

    @Test
    void badExpiredOrMisplacedTokensAre401() {
        String valid = Tokens.hs256(Tokens.SECRET).subscribe("payroll").sign();
        String none = base64("{\"alg\":\"none\"}") + "." + base64("{\"exp\":" + (System.currentTimeMillis() / 1000
                + 600) + ",\"beacon\":{\"subscribe\":[\"*\"]}}") + ".";
        for (String token : List.of("garbage", none, Tokens.hs256(Tokens.SECRET + "-forged").subscribe("*").sign(),
                Tokens.hs256(Tokens.SECRET).subscribe("*").expiresIn(Duration.ofSeconds(-1)).sign(),
                Tokens.hs256(Tokens.SECRET).subscribe("*").noExpiry().sign())) {
            refused(401, INVALID, request("GET", "/api/streams/payroll", "Authorization: Bearer " + token));
            refused(401, INVALID, request("GET", "/api/streams/alerts", "Authorization: Bearer " + token));
        }
        refused(401, INVALID, request("GET", "/api/streams/payroll?access_token=" + valid));
        refused(401, INVALID, request("POST", "/api/topics/payroll/events", "Cookie: beacon_token="
                + Tokens.hs256(Tokens.SECRET).publish("*").sign(), "Content-Type: text/plain", "Content-Length: 1")
                + "x");
    }

    @Test
    void aTokenGrantsWhatItsClaimSaysOnAHeaderOrACookie() {
        String payroll = Tokens.hs256(Tokens.SECRET).subscribe("pay*").sign();
        try (RawSse header = RawSse.get(server, "streams/payroll", "Authorization: Bearer " + payroll,
                "Last-Event-ID: " + (Long.parseLong(payrollEvent) - 1));
             RawSse cookie = RawSse.get(server, "streams?topic=payroll&topic=alerts",
                     "Cookie: theme=dark; beacon_token=" + payroll)) {
            assertTrue(header.readUntil("{\"amount\":1}\n\n").contains("id: " + payrollEvent), header.body());
            assertTrue(cookie.head().startsWith("HTTP/1.1 200"), cookie.head());
        }
        String other = Tokens.hs256(Tokens.SECRET).subscribe("other-*").publish("payroll").sign();
        refused(403, SCOPE, request("GET", "/api/streams/payroll", "Authorization: Bearer " + other));
        refused(403, SCOPE, request("GET", "/api/topics/payroll/events/" + payrollEvent, "Authorization: Bearer "
                + other));
        Answer listed = RawHttp.exchange(server, request("GET", "/api/topics", "Authorization: Bearer " + payroll));
        assertTrue(listed.body().contains("\"payroll\""), listed.body());
    }

    @Test
    void publishingNeedsAPublishGrantOrTheStaticToken() {
        publish("Authorization: Bearer " + Tokens.hs256(Tokens.SECRET).publish("payroll").sign()).assertOk();
        publish("Authorization: Bearer " + TestServer.TOKEN).assertOk();
        Answer scope = publish("Authorization: Bearer " + Tokens.hs256(Tokens.SECRET).subscribe("*")
                .publish("pay").sign()).assertProblem(403, "publish");
        assertTrue(scope.header("WWW-Authenticate").contains(SCOPE));
        Answer anonymous = publish("X-None: 1").assertProblem(401, "Bearer");
        assertTrue(anonymous.header("WWW-Authenticate").contains(INVALID));
    }

    @Test
    void jobsNeedAPublishGrantOnTheirTopic() {
        String body = "{\"kind\":\"training\"}";
        refused(401, INVALID, request("POST", "/api/jobs", "Content-Type: application/json", "Content-Length: 19")
                + body);
        refused(403, SCOPE, request("POST", "/api/jobs", "Authorization: Bearer " + Tokens.hs256(Tokens.SECRET)
                .publish("payroll").sign(), "Content-Type: application/json", "Content-Length: 19") + body);
        String runner = Tokens.hs256(Tokens.SECRET).publish("job-*").subscribe("job-*").sign();
        String id = Http.json(RawHttp.exchange(server, request("POST", "/api/jobs", "Authorization: Bearer " + runner,
                "Content-Type: application/json", "Content-Length: 19") + body).assertOk().body()).getString("id");
        try {
            refused(401, INVALID, request("GET", "/api/jobs/" + id + "/events"));
            refused(401, INVALID, request("GET", "/api/jobs/" + id));
            refused(401, INVALID, request("DELETE", "/api/jobs/" + id));
            refused(403, SCOPE, request("DELETE", "/api/jobs/" + id, "Authorization: Bearer "
                    + Tokens.hs256(Tokens.SECRET).publish("job-other").sign()));
            assertFalse(RawHttp.exchange(server, request("GET", "/api/topics")).body().contains(id),
                    "a job's id is not listed to others");
            try (RawSse events = RawSse.get(server, "jobs/" + id + "/events", "Cookie: beacon_token=" + runner)) {
                assertTrue(events.readUntil("event: progress\n").contains("event: progress"), events.body());
            }
            String canceller = Tokens.hs256(Tokens.SECRET).publish("job-" + id).sign();
            RawHttp.exchange(server, request("DELETE", "/api/jobs/" + id, "Authorization: Bearer " + canceller))
                    .assertOk();
        } finally {
            server.bean(Hub.class).removeTopic("job-" + id); // a real job of a client with the right
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpiresAndResumesWithAFreshOne() {
        String shortLived = Tokens.hs256(Tokens.SECRET).subscribe("payroll").expiresIn(Duration.ofSeconds(2)).sign();
        String last;
        try (RawSse stream = RawSse.get(server, "streams/payroll", "Authorization: Bearer " + shortLived)) {
            last = Long.toString(stream.readOpening());
            String body = stream.readToEnd();
            assertTrue(body.endsWith("\n\n"), "it ended cleanly, after a whole event or comment: " + body);
        }
        String missed = server.bean(Hub.class).publish("payroll", "salary", "{\"amount\":2}", HubEvent.NO_RETRY)
                .idText();
        String fresh = Tokens.hs256(Tokens.SECRET).subscribe("payroll").sign();
        try (RawSse resumed = RawSse.get(server, "streams/payroll", "Authorization: Bearer " + fresh,
                "Last-Event-ID: " + last)) {
            assertTrue(resumed.readUntil("{\"amount\":2}\n\n").contains("id: " + missed + "\n"), resumed.body());
        }
    }

    private Answer publish(String authorization) {
        return RawHttp.exchange(server, request("POST", "/api/topics/payroll/events", authorization,
                "Content-Type: text/plain", "Content-Length: 1") + "x");
    }

    /** A refusal: the status as problem+json, with the challenge a client needs. */
    private void refused(int status, String challenge, String request) {
        Answer answer = RawHttp.exchange(server, request).assertProblem(status, null);
        assertTrue(String.valueOf(answer.header("WWW-Authenticate")).startsWith("Bearer realm=\"beacon\"")
                && answer.header("WWW-Authenticate").contains(challenge), answer.raw());
        assertEquals(JsonValue.ValueType.STRING, Http.json(answer.body()).get("detail").getValueType());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}
