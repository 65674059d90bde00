package dev.beacon.topics;

import dev.beacon.auth.AccessControl;
import dev.beacon.config.BeaconConfig;
import dev.beacon.cors.CorsFilter;
import dev.beacon.server.EmbeddedServer;
import dev.beacon.testing.RawHttp;
import dev.beacon.testing.RawHttp.Answer;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import dev.beacon.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Embedded, a publish is answered at Grizzly's codec ({@code beacon.transport=direct}, the default) or by the JAX-RS
 * resource ({@code portable}). The same requests, as a client sends them on the wire, to a server of each kind with
 * the same settings (a static token and a JWT key, an allowed origin, a small body limit, a few topics) get the same
 * answers: status, problem body, {@code WWW-Authenticate}, CORS and security headers, {@code Location} and the JSON
 * of a publish, whether the connection stays open; good input and bad, and what the direct path leaves to Jersey.
 * A subscriber of the topics sees the same events from both.
 * The one difference is the direct path's {@code Date} header, which RFC 9110 requires of a server with a clock and
 * Jersey on Grizzly leaves out: it shows that the direct path answered.
 */
class PublishPathsTest {

    private static final String ORIGIN = "https://allowed.example";
    private static final int MAX_BYTES = 1024;
    private static final int TOPICS_MAX = 40;
    private static final String TOKEN = "Authorization: Bearer " + TestServer.TOKEN;
    private static final String TEXT = "Content-Type: text/plain";
    private static final String JSON = "Content-Type: application/json";
    private static final Map<String, String> REQUESTS = new LinkedHashMap<>();
    /** Not a request: the stream of a subscriber to the topics the requests publish to. */
    private static final String STREAM = "the subscriber's stream";

    @BeforeAll
    static void requests() {
        good();
        refusedBeforeTheBody();
        refusedForTheBody();
        leftToJersey();
    }

    private static void good() {
        REQUESTS.put("text with event and retry", post("pp/events?event=e1&retry=100", "hello", TOKEN, TEXT));
        REQUESTS.put("JSON envelope", post("pp/events", "{\"event\":\"x\",\"data\":{\"a\":[1,2]},\"retry\":5}",
                TOKEN, JSON));
        REQUESTS.put("empty body", post("pp/events", "", TOKEN, TEXT));
        REQUESTS.put("first of two event parameters, + as a space", post("pp/events?event=a+b%2Bc&event=z", "x",
                TOKEN, TEXT));
        REQUESTS.put("text/* and ISO-8859-1", post("pp/events", "caf\u00e9", TOKEN,
                "Content-Type: text/*; charset=ISO-8859-1"));
        REQUESTS.put("escaped topic name", post("%41b:c~d/events", "x", TOKEN, TEXT));
        REQUESTS.put("allowed origin", post("pp/events", "x", TOKEN, TEXT, "Origin: " + ORIGIN));
        REQUESTS.put("other origin", post("pp/events", "x", TOKEN, TEXT, "Origin: https://other.example"));
        REQUESTS.put("JWT with the grant", post("pp/events", "x", jwt(Tokens.hs256(Tokens.SECRET).publish("p*")),
                TEXT));
        REQUESTS.put("HTTP/1.0", post("pp/events", "x", TOKEN, TEXT).replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n"));
        REQUESTS.put("Connection: close", post("pp/events", "x", TOKEN, TEXT, "Connection: close"));
        REQUESTS.put("Host without a port", post("pp/events", "x", TOKEN, TEXT)
                .replace("Host: 127.0.0.1\r\n", "Host: beacon.example\r\n"));
        REQUESTS.put("chunked", "POST /api/topics/pp/events HTTP/1.1\r\nHost: 127.0.0.1\r\n" + TOKEN + "\r\n" + TEXT
                + "\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
    }

    private static void refusedBeforeTheBody() {
        REQUESTS.put("no token", post("pp/events", "x", TEXT));
        REQUESTS.put("no token, allowed origin", post("pp/events", "x", TEXT, "Origin: " + ORIGIN));
        REQUESTS.put("wrong token", post("pp/events", "x", "Authorization: Bearer wrong", TEXT));
        REQUESTS.put("empty bearer", post("pp/events", "x", "Authorization: Bearer ", TEXT));
        REQUESTS.put("basic credentials", post("pp/events", "x", "Authorization: Basic dXNlcjpwdw==", TEXT));
        REQUESTS.put("token in a cookie", post("pp/events", "x", "Cookie: beacon_token=" + TestServer.TOKEN, TEXT));
        REQUESTS.put("JWT without the grant", post("pp/events", "x", jwt(Tokens.hs256(Tokens.SECRET).subscribe("*")
                .publish("other")), TEXT));
        REQUESTS.put("expired JWT", post("pp/events", "x", jwt(Tokens.hs256(Tokens.SECRET).publish("*")
                .expiresIn(Duration.ofSeconds(-10))), TEXT));
        REQUESTS.put("JWT of another key", post("pp/events", "x", jwt(Tokens.hs256(
                "another-secret-of-32-bytes-or-more-0123").publish("*")), TEXT));
        REQUESTS.put("bad topic name", post("bad%20topic/events", "x", TOKEN, TEXT));
        REQUESTS.put("bad topic name, no token", post("caf%C3%A9/events", "x", TEXT));
        REQUESTS.put("topic name too long", post("a".repeat(129) + "/events", "x", TOKEN, TEXT));
        REQUESTS.put("declared length over the limit", post("pp/events", "x".repeat(MAX_BYTES + 1), TOKEN, TEXT));
        REQUESTS.put("no token, body over the limit", post("pp/events", "x".repeat(MAX_BYTES + 1), TEXT));
        REQUESTS.put("chunked body over the limit", "POST /api/topics/pp/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + TOKEN + "\r\n" + TEXT + "\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" + "x".repeat(1024)
                + "\r\n1\r\nx\r\n0\r\n\r\n");
    }

    private static void refusedForTheBody() {
        REQUESTS.put("event name with CR LF", post("pp/events?event=a%0D%0Aid:%201", "x", TOKEN, TEXT));
        REQUESTS.put("retry not digits", post("pp/events?retry=12a", "x", TOKEN, TEXT));
        REQUESTS.put("retry too large", post("pp/events?retry=99999999999", "x", TOKEN, TEXT));
        REQUESTS.put("XML", post("pp/events", "<x/>", TOKEN, "Content-Type: application/xml"));
        REQUESTS.put("a form", post("pp/events", "a=b", TOKEN, "Content-Type: application/x-www-form-urlencoded"));
        REQUESTS.put("no content type", post("pp/events", "x", TOKEN));
        REQUESTS.put("unknown charset", post("pp/events", "x", TOKEN, "Content-Type: text/plain; charset=bogus"));
        REQUESTS.put("not UTF-8", post("pp/events", "\u00c3\u0028", TOKEN, TEXT));
        REQUESTS.put("JSON with query parameters", post("pp/events?event=a", "{\"data\":1}", TOKEN, JSON));
        REQUESTS.put("malformed JSON", post("pp/events", "{\"data\":", TOKEN, JSON));
        REQUESTS.put("JSON array", post("pp/events", "[1]", TOKEN, JSON));
        REQUESTS.put("JSON without data", post("pp/events", "{\"event\":\"e\"}", TOKEN, JSON));
        REQUESTS.put("JSON with an unknown field", post("pp/events", "{\"data\":1,\"id\":\"5\"}", TOKEN, JSON));
        REQUESTS.put("JSON retry as text", post("pp/events", "{\"data\":1,\"retry\":\"soon\"}", TOKEN, JSON));
        REQUESTS.put("JSON nested too deep", post("pp/events", "{\"data\":" + "[".repeat(100) + "]".repeat(100)
                + "}", TOKEN, JSON));
        REQUESTS.put("JSON event with a control character", post("pp/events", "{\"event\":\"a\\nb\",\"data\":1}",
                TOKEN, JSON));
    }

    private static void leftToJersey() {
        REQUESTS.put("trailing slash", post("pp/events/", "x", TOKEN, TEXT));
        REQUESTS.put("matrix parameter", post("pp;m=1/events", "x", TOKEN, TEXT));
        REQUESTS.put("accepts only XML", post("pp/events", "x", TOKEN, TEXT, "Accept: application/xml"));
        REQUESTS.put("accepts JSON and more", post("pp/events", "x", TOKEN, TEXT,
                "Accept: text/html, application/json;q=0.5"));
        REQUESTS.put("GET", "GET /api/topics/pp/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        REQUESTS.put("preflight", "OPTIONS /api/topics/pp/events HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + ORIGIN
                + "\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
    }

    @Test
    void theDirectPathAnswersEveryPublishAsTheJaxRsResourceDoes() {
        Map<String, Answer> jaxRs = answers("portable");
        Map<String, Answer> direct = answers("direct");
        for (String name : jaxRs.keySet()) {
            if (name.equals(STREAM)) {
                assertEquals(jaxRs.get(name).body().replaceAll("\\d{13,}", "ID"),
                        direct.get(name).body().replaceAll("\\d{13,}", "ID"), "the events a subscriber received");
            } else {
                assertEquals(comparable(jaxRs.get(name)), comparable(direct.get(name)), name);
            }
        }
        assertTrue(direct.get(STREAM).body().contains("event: a b+c\n"), direct.get(STREAM).body());
        // Spot checks that the answers both give are the documented ones, not the same mistake twice.
        assertEquals(201, direct.get("allowed origin").status());
        assertEquals(ORIGIN, direct.get("allowed origin").header("Access-Control-Allow-Origin"));
        assertEquals("Bearer realm=\"beacon\", error=\"invalid_token\"", direct.get("no token")
                .header("WWW-Authenticate"));
        assertEquals(ORIGIN, direct.get("no token, allowed origin").header("Access-Control-Allow-Origin"));
        assertEquals("Bearer realm=\"beacon\", error=\"insufficient_scope\"", direct.get("JWT without the grant")
                .header("WWW-Authenticate"));
        direct.get("declared length over the limit").assertProblem(413, MAX_BYTES + " bytes");
        direct.get("topic limit").assertProblem(429, BeaconConfig.TOPICS_MAX);
        assertEquals(406, direct.get("accepts only XML").status());
        // Answered by the direct path: the Date header RFC 9110 asks for; what it leaves to Jersey has none.
        for (String name : new String[] {"text with event and retry", "no token", "malformed JSON", "topic limit"}) {
            assertNotNull(direct.get(name).header("Date"), name + ": " + direct.get(name).raw());
            assertNull(jaxRs.get(name).header("Date"), name + ": " + jaxRs.get(name).raw());
        }
    }

    /** Every request on a connection of its own, then new topics until the hub is full. */
    private static Map<String, Answer> answers(String transport) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        try (TestServer server = TestServer.start(EmbeddedServer.TRANSPORT, transport, "beacon.jwt.secret",
                Tokens.SECRET, AccessControl.PUBLIC_TOPICS, "*", CorsFilter.ORIGINS, ORIGIN, BeaconConfig.PUBLISH_MAX_BYTES,
                Integer.toString(MAX_BYTES), BeaconConfig.TOPICS_MAX, Integer.toString(TOPICS_MAX))) {
            try (RawSse events = RawSse.get(server, "streams?topic=pp&topic=Ab:c~d")) {
                events.readUntil("open\n\n");
                REQUESTS.forEach((name, request) -> answers.put(name, RawHttp.exchange(server, request)));
                RawHttp.exchange(server, post("pp/events?event=end", "end", TOKEN, TEXT)).assertOk();
                String received = events.readUntil("data: end\n\n");
                answers.put(STREAM, new Answer(200, Map.of(), received, received));
            }
            Answer last = null;
            for (int i = 0; i <= TOPICS_MAX && (last == null || last.status() == 201); i++) {
                last = RawHttp.exchange(server, post("fill-" + i + "/events", "x", TOKEN, TEXT));
            }
            answers.put("topic limit", last);
        }
        return answers;
    }

    /** Status, headers but the date, body; ids and the server's port replaced, as they differ between the two. */
    private static String comparable(Answer answer) {
        Map<String, String> headers = new TreeMap<>(answer.headers());
        headers.remove("date");
        String text = answer.status() + " " + headers + " " + answer.body();
        return text.replaceAll("\\d{13,}", "ID").replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    private static String post(String topicPath, String body, String... headers) {
        StringBuilder request = new StringBuilder("POST /api/topics/" + topicPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        int length = body.getBytes(StandardCharsets.ISO_8859_1).length;
        return request.append("Content-Length: ").append(length).append("\r\n\r\n").append(body).toString();
    }

    private static String jwt(Tokens token) {
        return "Authorization: Bearer " + token.sign();
    }
}
