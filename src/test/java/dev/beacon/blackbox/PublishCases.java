package dev.beacon.blackbox;

import dev.beacon.config.BeaconConfig;
import dev.beacon.testing.Endpoint;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.Problems;
import dev.beacon.testing.RawHttp;
import dev.beacon.testing.TestServer;
import dev.beacon.testing.Tokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing over HTTP as a client sees it, part of {@link BlackBoxSuite} on every runtime: every kind of bad publish
 * gets its status, its problem detail and (for a token) its challenge, and publishes nothing; an answer carries the
 * CORS headers of an allowed origin ({@link SuiteSettings#ORIGIN}) and the security headers; a body slower than
 * {@code beacon.body.timeout} is a 408. Embedded these are the direct path's answers; on an app server the WAR's
 * servlet filter's, which takes a publish before JAX-RS (no JAX-RS resource there has a body deadline: the 408 shows
 * that the filter answered).
 */
interface PublishCases {

    String STATIC_TOKEN = "Bearer " + TestServer.TOKEN;

    /** The Beacon under test. */
    Endpoint beacon();

    /**
     * True where a publish's body has {@code beacon.body.timeout} to arrive: embedded (the edge), and in the WAR with
     * the direct transport ({@code PublishServletFilter}). With {@code beacon.transport=portable} on an app server the
     * JAX-RS resource reads the body, and the server's own read timeout applies.
     */
    default boolean publishBodyHasDeadline() {
        return true;
    }

    @Test
    default void everyBadPublishGetsItsProblemAndPublishesNothing() {
        String topic = "bb-refused";
        int max = SuiteSettings.MAX_BYTES;
        try (EventRecorder events = EventRecorder.open(beacon().api("streams/" + topic))) {
            refused(400, "control character", post(topic + "/events?event=a%0D%0Aid:%201", "text/plain", "x"));
            refused(400, "ASCII digits", post(topic + "/events?retry=12a", "text/plain", "x"));
            refused(400, "Invalid topic name", post("bad%20topic/events", "text/plain", "x"));
            tooLarge(topic, "Content-Length: " + (max + 1));
            tooLarge(topic, "Transfer-Encoding: chunked");
            refused(415, "text/plain", post(topic + "/events", "application/xml", "<x/>"));
            refused(415, "'bogus'", post(topic + "/events", "text/plain; charset=bogus", "x"));
            refused(400, "not valid UTF-8", send(request(topic + "/events", "text/plain", STATIC_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xC3, (byte) 0x28}))));
            refused(400, "Malformed JSON", post(topic + "/events", "application/json", "{\"data\":"));
            refused(400, "Unknown field 'id'", post(topic + "/events", "application/json", "{\"data\":1,\"id\":1}"));
            refused(400, "nests deeper than 64", post(topic + "/events", "application/json",
                    "{\"data\":" + "[".repeat(70) + "]".repeat(70) + "}"));
            refused(400, "in the envelope", post(topic + "/events?event=e", "application/json", "{\"data\":1}"));
            challenged(401, "invalid_token", "Send a token", request(topic + "/events", "text/plain", null));
            challenged(401, "invalid_token", "not valid", request(topic + "/events", "text/plain", "Bearer wrong"));
            challenged(401, "invalid_token", "not valid", request(topic + "/events", "text/plain", "Bearer "
                    + Tokens.hs256(Tokens.SECRET).publish("bb-*").expiresIn(Duration.ofSeconds(-10)).sign()));
            challenged(403, "insufficient_scope", "does not grant publish", request(topic + "/events", "text/plain",
                    "Bearer " + Tokens.hs256(Tokens.SECRET).subscribe("*").publish("other").sign()));

            String good = new Http(beacon()).published(topic, "ok", "the one good event");
            assertEquals(good, events.next("ok").getId(), "nothing published or injected before it");
            events.assertExhausted();
        }
        assertEquals(1, Http.json(new Http(beacon()).get("topics/" + topic).body()).getInt("published"));
    }

    @Test
    default void aPublishIsAnsweredWithCorsAndSecurityHeaders() {
        HttpResponse<String> created = send(request("bb-cors/events", "text/plain", "Bearer "
                + Tokens.hs256(Tokens.SECRET).publish("bb-cors").sign())
                .header("Origin", SuiteSettings.ORIGIN).POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("bb-cors", Http.json(created.body()).getString("topic"));
        assertAllowed(created);
        HttpResponse<String> refused = send(request("bb-cors/events", "text/plain", null)
                .header("Origin", SuiteSettings.ORIGIN).POST(HttpRequest.BodyPublishers.ofString("x")));
        Problems.assertProblem(401, refused, "Bearer");
        assertAllowed(refused);
        HttpResponse<String> other = send(request("bb-cors/events", "text/plain", STATIC_TOKEN)
                .header("Origin", "https://other.example").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(201, other.statusCode(), other.body());
        assertFalse(other.headers().firstValue("Access-Control-Allow-Origin").isPresent(), other.headers().map()
                .toString());
    }

    @Test
    default void aPublishBodySlowerThanTheBodyTimeoutIsA408() {
        Assumptions.assumeTrue(publishBodyHasDeadline(), "the JAX-RS resource on an app server has no body deadline");
        String path = beacon().api("topics/bb-slow/events").getRawPath();
        try (RawHttp slow = RawHttp.connect(beacon())) {
            slow.send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + STATIC_TOKEN
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nonly part");
            slow.answer().assertProblem(408, BeaconConfig.BODY_TIMEOUT);
        }
        assertEquals(404, new Http(beacon()).get("topics/bb-slow").statusCode(), "nothing was published");
    }

    /**
     * A body over the limit, declared or sent in chunks until the server refuses it; raw, as the server may answer
     * and close before the client has sent it all.
     */
    private void tooLarge(String topic, String framing) {
        try (RawHttp upload = RawHttp.connect(beacon())) {
            upload.send("POST " + beacon().api("topics/" + topic + "/events").getRawPath() + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: " + STATIC_TOKEN + "\r\nContent-Type: text/plain\r\n"
                    + framing + "\r\n\r\n");
            byte[] chunk = ("1000\r\n" + "x".repeat(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; framing.contains("chunked") && sent <= SuiteSettings.MAX_BYTES
                    && upload.trySend(chunk); sent += 4096) {
                // until past the limit, or until the server has refused it
            }
            upload.answer().assertProblem(413, SuiteSettings.MAX_BYTES + " bytes");
        }
    }

    private static void assertAllowed(HttpResponse<String> answer) {
        assertEquals(SuiteSettings.ORIGIN, answer.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                answer.headers().map().toString());
        assertEquals("Origin", answer.headers().firstValue("Vary").orElse(null));
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(answer.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors"));
    }

    private HttpResponse<String> post(String topicPath, String type, String body) {
        return send(request(topicPath, type, STATIC_TOKEN).POST(HttpRequest.BodyPublishers.ofString(body,
                StandardCharsets.UTF_8)));
    }

    /** A 401 or 403 with the challenge a client needs, sending {@code x}. */
    private void challenged(int status, String error, String detail, HttpRequest.Builder request) {
        HttpResponse<String> answer = send(request.POST(HttpRequest.BodyPublishers.ofString("x")));
        Problems.assertProblem(status, answer, detail);
        assertEquals("Bearer realm=\"beacon\", error=\"" + error + "\"",
                answer.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    private static void refused(int status, String detail, HttpResponse<String> answer) {
        Problems.assertProblem(status, answer, detail);
    }

    private HttpRequest.Builder request(String topicPath, String type, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(beacon().api("topics/" + topicPath))
                .header("Content-Type", type);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return new Http(beacon()).send(request);
    }
}
