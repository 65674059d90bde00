package dev.beacon.edge;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.HubEvent;
import dev.beacon.hub.Hub;
import dev.beacon.server.EmbeddedServer;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawHttp;
import dev.beacon.testing.RawHttp.Answer;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static dev.beacon.testing.RawHttp.request;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacks of issue 13, replayed as an attacker sends them, against the embedded runner (no JWT key: today's open
 * subscriptions, the static token for publishing and jobs). Each asserts the exact answer, as problem+json; that the
 * server is back where it was (topics, subscribers, generators, jobs, threads, sockets: {@link ServerState}); and that
 * the log stayed quiet ({@link QuietLog}).
 */
abstract class EdgeAttackContract extends AttackSuite {

    static final int TOPICS_MAX = 300;
    private static final String AUTH = "Authorization: Bearer " + TestServer.TOKEN;

    /** {@code direct} or {@code portable}: see {@link EmbeddedServer#TRANSPORT}. */
    abstract String transport();

    @Override
    TestServer startServer() {
        TestServer started = TestServer.start(EmbeddedServer.TRANSPORT, transport(), BeaconConfig.TOPICS_MAX,
                String.valueOf(TOPICS_MAX), "beacon.body.timeout", "2", BeaconConfig.HEARTBEAT, "1");
        warmUp(started);
        return started;
    }

    /** Every pool a normal request uses has its threads, and the test's own HTTP client its connection. */
    private static void warmUp(TestServer server) {
        Http http = new Http(server);
        for (int i = 0; i < 8; i++) {
            http.get("topics");
        }
        http.published("warm-up", null, "x");
        try (RawSse stream = RawSse.get(server, "streams/warm-up", "Last-Event-ID: 1")) {
            stream.readUntil("data: x\n\n");
        }
    }

    @Test
    @DisplayName("1. Subscribing creates no lasting topic: a flood up to beacon.topics.max leaves nothing behind")
    void aTopicFloodLeavesNoTopicBehind() {
        List<RawSse> streams = new ArrayList<>();
        try {
            Answer refused = null;
            for (int i = 0; refused == null && i < TOPICS_MAX / 64 + 2; i++) {
                StringBuilder path = new StringBuilder("streams?topic=flood-" + i + "-0");
                for (int t = 1; t < 64; t++) {
                    path.append("&topic=flood-").append(i).append('-').append(t);
                }
                int before = ServerState.of(server).topics().size();
                RawSse stream = RawSse.get(server, path.toString());
                if (stream.head().startsWith("HTTP/1.1 200")) {
                    streams.add(stream);
                } else {
                    stream.close();
                    refused = RawHttp.exchange(server, request("GET", "/api/" + path));
                    assertEquals(before, ServerState.of(server).topics().size(),
                            "a refused subscription leaves none of the topics it named");
                }
            }
            refused.assertProblem(429, BeaconConfig.TOPICS_MAX);
        } finally {
            streams.forEach(RawSse::close);
        }
        // Once the clients have gone, their topics have too: a new topic can be created again.
        ServerState.awaitBack(server, baseline());
        RawHttp.exchange(server, request("GET", "/api/topics")).assertOk();
    }

    @Test
    @DisplayName("2. Fifty slow uploads hold no thread: the API and the dashboard answer, each upload gets a 408")
    void slowUploadsNeverHoldTheThreadsOthersNeed() {
        List<RawHttp> uploads = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 50; i++) {
                RawHttp upload = RawHttp.connect(server);
                upload.send("POST /api/jobs HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{");
                uploads.add(upload);
            }
            byte[] one = {' '};
            trickle.scheduleAtFixedRate(() -> uploads.forEach(upload -> upload.trySend(one)), 100, 100,
                    TimeUnit.MILLISECONDS);
            for (int i = 0; i < 3; i++) {
                RawHttp.exchange(server, request("GET", "/api/topics")).assertOk();
                RawHttp.exchange(server, request("GET", "/")).assertOk();
            }
            for (RawHttp upload : uploads) {
                upload.answer().assertProblem(408, "beacon.body.timeout");
            }
        } finally {
            trickle.shutdownNow();
            uploads.forEach(RawHttp::close);
        }
    }

    @Test
    @DisplayName("3. HEAD on any stream answers its headers and holds nothing")
    void headOnAStreamHoldsNothing() {
        String job = Http.json(RawHttp.exchange(server, request("POST", "/api/jobs", AUTH,
                "Content-Type: application/json", "Content-Length: 19") + "{\"kind\":\"training\"}").body())
                .getString("id");
        List<String> streams = List.of("/api/counter?count=10000&interval=60000",
                "/api/counter/async?count=10000&interval=60000", "/api/streams/head-topic",
                "/api/streams?topic=head-a&topic=head-b", "/api/jobs/" + job + "/events");
        for (int round = 0; round < 8; round++) {
            for (String stream : streams) {
                Answer head = RawHttp.exchange(server, request("HEAD", stream));
                assertEquals(200, head.status(), stream + ": " + head.raw());
                assertEquals("text/event-stream", head.header("Content-Type").split(";")[0], head.raw());
                assertEquals("", head.body(), "headers only");
            }
        }
        RawHttp.exchange(server, request("DELETE", "/api/jobs/" + job, AUTH)).assertOk();
        // The work pool is free: a blocking counter still runs to its end.
        assertTrue(RawHttp.exchange(server, request("GET", "/api/counter?count=2&interval=0")).body()
                .contains("id: 1\n"));
        server.bean(Hub.class).removeTopic("job-" + job); // the job itself was real: not the attack's doing
    }

    @Test
    @DisplayName("Streams per client address: beacon.client.max-streams (32), beyond a 429 with Retry-After")
    void streamsPerAddressAreLimited() {
        List<RawSse> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                RawSse stream = RawSse.get(server, i % 2 == 0 ? "streams/share-" + i
                        : "counter?count=100&interval=60000");
                streams.add(stream);
                assertTrue(stream.head().startsWith("HTTP/1.1 200"), i + ": " + stream.head());
            }
            Answer refused = RawHttp.exchange(server, request("GET", "/api/streams/one-too-many"))
                    .assertProblem(429, "beacon.client.max-streams");
            assertEquals("5", refused.header("Retry-After"));
            RawHttp.exchange(server, request("GET", "/api/topics")).assertOk(); // only streams are counted

            streams.remove(0).close();
            await("the closed stream's slot to be free").atMost(java.time.Duration.ofSeconds(10)).pollInSameThread()
                    .until(() -> RawHttp.exchange(server, request("HEAD", "/api/topics")).status() == 200
                            && opens("streams/one-more", streams));
        } finally {
            streams.forEach(RawSse::close);
        }
    }

    /** Opens a stream, keeping it in {@code streams} when it opened. */
    private boolean opens(String path, List<RawSse> streams) {
        RawSse stream = RawSse.get(server, path);
        if (stream.head().startsWith("HTTP/1.1 200")) {
            streams.add(stream);
            return true;
        }
        stream.close();
        return false;
    }

    @Test
    @DisplayName("Every answer carries nosniff and a Content-Security-Policy without inline script or framing")
    void everyAnswerCarriesTheSecurityHeaders() {
        List<Answer> answers = List.of(RawHttp.exchange(server, request("GET", "/")),
                RawHttp.exchange(server, request("GET", "/js/main.js")),
                RawHttp.exchange(server, request("GET", "/api/topics")),
                RawHttp.exchange(server, request("GET", "/api/nothing-here")),
                RawHttp.exchange(server, request("GET", "/%ZZ")));
        for (Answer answer : answers) {
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), answer.raw());
            String csp = String.valueOf(answer.header("Content-Security-Policy"));
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), csp);
            assertNoInlineScript(csp);
        }
        try (RawSse stream = RawSse.get(server, "streams/headers")) {
            String head = stream.head();
            assertTrue(head.contains("X-Content-Type-Options: nosniff") && head.contains("frame-ancestors 'none'"),
                    head);
        }
    }

    @Test
    @DisplayName("4. Jobs need the static token once one is set")
    void jobsNeedTheToken() {
        RawHttp.exchange(server, request("POST", "/api/jobs", "Content-Type: application/json", "Content-Length: 19")
                + "{\"kind\":\"training\"}").assertProblem(401, "Bearer");
        RawHttp.exchange(server, request("DELETE", "/api/jobs/some-job")).assertProblem(401, "Bearer");
    }

    @Test
    @DisplayName("5. A job request has a small body limit and no unknown fields")
    void jobBodiesAreBoundedAndStrict() {
        RawHttp.exchange(server, request("POST", "/api/jobs", AUTH, "Content-Type: application/json",
                "Content-Length: 104857600")).assertProblem(413, "4096 bytes");
        try (RawHttp chunked = RawHttp.connect(server)) {
            chunked.send(request("POST", "/api/jobs", AUTH, "Content-Type: application/json",
                    "Transfer-Encoding: chunked"));
            String chunk = "x".repeat(1000);
            for (int i = 0; i < 5 && chunked.trySend(("3e8\r\n" + chunk + "\r\n").getBytes(StandardCharsets.US_ASCII));
                 i++) {
                // until the server has refused it
            }
            chunked.answer().assertProblem(413, "4096 bytes");
        }
        postJob("{\"kind\":\"training\",\"extra\":1}").assertProblem(400, "Unknown field 'extra'");
        postJob("{\"kind\":\"training\",\"params\":{\"epochs\":1}}").assertProblem(400, "Unknown parameter 'epochs'");
    }

    @Test
    @DisplayName("6. A malformed escape in a query is a 400 problem, no stack trace")
    void malformedQueryEscapes() {
        RawHttp.exchange(server, request("GET", "/api/topics?x=%ZZ")).assertProblem(400, "'%'");
        RawHttp.exchange(server, request("GET", "/api/streams/news?x=%Z")).assertProblem(400, "'%'");
        RawHttp.exchange(server, request("GET", "/api/topics?x={")).assertProblem(400, "'{'");
    }

    @Test
    @DisplayName("7. Deeply nested JSON is a 400; a filter that fails on a stored event passes it over")
    void deeplyNestedJson() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        String envelope = "{\"event\":\"crime_alert\",\"data\":" + deep + "}";
        long retained = retained("alerts");
        publishJson("alerts", envelope).assertProblem(400, "nests deeper than 64");
        assertEquals(retained, retained("alerts"), "nothing was stored");
        postJob("{\"kind\":\"training\",\"params\":" + deep + "}").assertProblem(400, "nests deeper than 64");

        // Such an event published from Java (no HTTP check) reaches a ?severity= subscriber as nothing, and the next
        // alert arrives; resuming from before it works too.
        Hub hub = server.bean(Hub.class);
        try (RawSse high = RawSse.get(server, "streams/alerts?severity=high")) {
            long position = high.readOpening();
            hub.publish("alerts", "crime_alert", "{\"severity\":" + deep + "}", HubEvent.NO_RETRY);
            String good = hub.publish("alerts", "crime_alert", "{\"severity\":\"high\"}", HubEvent.NO_RETRY).idText();
            assertTrue(high.readUntil("\"high\"}\n\n").contains("id: " + good + "\n"));
            try (RawSse resumed = RawSse.get(server, "streams/alerts?severity=high", "Last-Event-ID: " + position)) {
                assertTrue(resumed.readUntil("\"high\"}\n\n").contains("id: " + good + "\n"));
            }
        }
        hub.removeTopic("alerts"); // back to the baseline's topics
    }

    @Test
    @DisplayName("8. GET /%ZZ is answered, not dropped")
    void malformedEscapeInAPath() {
        RawHttp.exchange(server, request("GET", "/%ZZ")).assertProblem(400, "'%'");
        RawHttp.exchange(server, request("GET", "/api/%ZZ")).assertProblem(400, "'%'");
    }

    @Test
    @DisplayName("9. Encoded slashes, invalid UTF-8, dot segments, NUL and a bogus charset are 4xx problems")
    void otherRequestsThatUsedToBe500s() {
        RawHttp.exchange(server, request("GET", "/api/streams/a%2Fb")).assertProblem(400, "%2F");
        RawHttp.exchange(server, request("GET", "/api/jobs/a%2fb")).assertProblem(400, "%2F");
        RawHttp.exchange(server, request("DELETE", "/api/jobs/a%2Fb", AUTH)).assertProblem(400, "%2F");
        RawHttp.exchange(server, request("GET", "/api/topics/a%2Fb")).assertProblem(400, "%2F");
        RawHttp.exchange(server, request("GET", "/api/streams/%C3%28")).assertProblem(400, "UTF-8");
        RawHttp.exchange(server, request("GET", "/api/topics?x=%C3%28")).assertProblem(400, "UTF-8");
        RawHttp.exchange(server, request("GET", "/../etc/passwd")).assertProblem(400, "'..'");
        RawHttp.exchange(server, request("GET", "/js/../index.html")).assertProblem(400, "'..'");
        RawHttp.exchange(server, request("GET", "/css/%2e%2e/index.html")).assertProblem(400, "'..'");
        RawHttp.exchange(server, request("GET", "/index.html%00")).assertProblem(400, "NUL");
        RawHttp.exchange(server, request("GET", "/index.html%0A")).assertProblem(404, null);
        RawHttp.exchange(server, request("POST", "/api/jobs", AUTH, "Content-Type: application/json; charset=bogus",
                "Content-Length: 19") + "{\"kind\":\"training\"}").assertProblem(415, "bogus");
        RawHttp.exchange(server, request("GET", "/no-such-file.html")).assertProblem(404, null);
    }

    @Test
    @DisplayName("10. Aborted and slow bodies leave nothing in the log")
    void abortedBodiesAreQuiet() {
        for (int i = 0; i < 20; i++) {
            try (RawHttp aborted = RawHttp.connect(server)) {
                aborted.send("POST /api/topics/quiet/events HTTP/1.1\r\nHost: x\r\n" + AUTH
                        + "\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nonly part");
            }
        }
        try (RawHttp slow = RawHttp.connect(server)) {
            slow.send("POST /api/topics/quiet/events HTTP/1.1\r\nHost: x\r\n" + AUTH
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nonly part");
            slow.answer().assertProblem(408, "did not arrive");
        }
    }

    @Test
    @DisplayName("11. Request lines and headers Grizzly cannot take are answered as problem+json")
    void unparsableRequestsGetProblems() {
        RawHttp.exchange(server, request("GET", "/api/topics?x=" + "a".repeat(9000))).assertProblem(414, "line");
        RawHttp.exchange(server, request("GET", "/api/topics", "X-Big: " + "b".repeat(9000)))
                .assertProblem(431, "bytes");
        String[] many = new String[101];
        for (int i = 0; i < many.length; i++) {
            many[i] = "X-H" + i + ": " + i;
        }
        RawHttp.exchange(server, request("GET", "/api/topics", many)).assertProblem(431, "headers");
        RawHttp.exchange(server, request("POST", "/api/topics/x/events", AUTH, "Content-Type: text/plain;;;=",
                "Content-Length: 1") + "x").assertProblem(400, "Content-Type");
        RawHttp.exchange(server, request("POST", "/api/jobs", AUTH, "Content-Length: abc"))
                .assertProblem(400, "Content-Length");
        RawHttp.exchange(server, request("GET", "/api/topics", "Accept: ///")).assertProblem(400, "Accept");
        RawHttp.exchange(server, request("GET", "/api/streams/x", "Accept: text/event-stream;q=high"))
                .assertProblem(400, "Accept");
    }

    private Answer postJob(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(server, request("POST", "/api/jobs", AUTH, "Content-Type: application/json",
                "Content-Length: " + bytes.length) + body);
    }

    private Answer publishJson(String topic, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(server, request("POST", "/api/topics/" + topic + "/events", AUTH,
                "Content-Type: application/json", "Content-Length: " + bytes.length) + body);
    }

    private long retained(String topic) {
        return server.bean(Hub.class).stats(topic).map(stats -> (long) stats.retained()).orElse(0L);
    }

    static void assertNoInlineScript(String csp) {
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
    }
}
