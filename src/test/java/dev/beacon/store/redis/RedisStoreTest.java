package dev.beacon.store.redis;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Gap;
import dev.beacon.hub.HubEvent;
import dev.beacon.hub.SseFrames;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.Problems;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.RedisExtension;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One embedded node on Redis, with "another node" beside it: a log of its own on the same Redis, appending as a node
 * elsewhere would. History keeps 4 per topic; heartbeats every 0.3 s.
 */
class RedisStoreTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final ExecutorService THREADS = Executors.newCachedThreadPool();
    private static RedisLog elsewhere;
    private static HubEvent beforeStart;
    private static List<HubEvent> olderThanThisNode;
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        BeaconConfig config = BeaconConfig.withOverrides(Map.of(RedisStore.URL, REDIS.server().url()));
        elsewhere = RedisLog.open(new Redis(RedisSettings.from(config)), 4, Duration.ofHours(1), THREADS);
        // Published before this node started: only Redis has them.
        beforeStart = append("older", "0");
        olderThanThisNode = List.of(append("older", "1"), append("older", "2"));
        String[] settings = REDIS.storeSettings();
        server = TestServer.start(concat(settings, BeaconConfig.HISTORY_SIZE, "4", BeaconConfig.HEARTBEAT, "0.3"));
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (elsewhere != null) {
            elsewhere.close();
        }
        THREADS.shutdownNow();
    }

    @Test
    void eventsPublishedOnAnotherNodeReachSubscribersHereInIdOrder() {
        try (EventRecorder events = EventRecorder.open(server.api("streams?topic=cross-a&topic=cross-b"))) {
            HubEvent first = append("cross-a", "from elsewhere");
            String second = http.published("cross-b", "note", "from here");
            HubEvent third = append("cross-b", "elsewhere again");

            List<InboundSseEvent> received = events.next(3);
            assertEquals(List.of(Long.toString(first.id()), second, Long.toString(third.id())),
                    received.stream().map(InboundSseEvent::getId).toList());
            assertEquals("from elsewhere", received.get(0).readData());
            events.assertExhausted();
        }
    }

    @Test
    void aLastEventIdFromBeforeThisNodeStartedResumesFromRedis() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/older"), beforeStart.idText())) {
            assertEquals(olderThanThisNode.stream().map(HubEvent::idText).toList(),
                    events.next(2).stream().map(InboundSseEvent::getId).toList());
            events.assertExhausted();
        }
    }

    @Test
    void aResumeOlderThanWhatTheClusterRetainsGetsTheGapFirst() {
        HubEvent seen = append("expiring", "seen");
        for (int i = 0; i < 5; i++) {
            append("expiring", "missed " + i);
        }
        try (EventRecorder events = EventRecorder.open(server.api("streams/expiring"), seen.idText())) {
            JsonObject gap = Http.json(events.next(Gap.EVENT).readData());
            assertEquals("expired", gap.getString("reason"));
            assertEquals(List.of("missed 1", "missed 2", "missed 3", "missed 4"),
                    events.next(4).stream().map(InboundSseEvent::readData).toList(), "the 4 retained");
            events.assertExhausted();
        }
    }

    @Test
    void aTopicUsedOnlyElsewhereHasTheClustersFiguresHere() {
        append("figures", "1");
        append("figures", "2");
        http.published("figures-here", null, "x");

        JsonObject stats = Http.json(http.get("topics/figures").body());
        assertEquals(2, stats.getInt("published"));
        assertEquals(2, stats.getInt("retained"));
        assertEquals(0, stats.getInt("subscribers"));
        assertEquals(List.of("subscribers", "delivered", "droppedSlow"),
                stats.getJsonArray("local").getValuesAs(jakarta.json.JsonString::getString),
                "which figures are this node's own");
        assertEquals(1, Http.json(http.get("topics/figures-here").body()).getInt("published"));
        assertEquals(404, http.get("topics/never-used").statusCode());
    }

    @Test
    void whileRedisIsDownPublishesAre503AndStreamsKeepTheirHeartbeats() {
        try (RawSse stream = RawSse.get(server, "streams/outage")) {
            stream.readOpening(); // subscribed: the publish below cannot overtake the subscription
            String before = http.published("outage", null, "before");
            stream.readUntil("data: before\n\n");

            REDIS.server().stop();
            try {
                Problems.assertProblem(503, http.publishText("outage", null, "refused"), "Redis");
                assertTrue(http.publishText("outage", null, "refused").headers().firstValue("Retry-After")
                        .isPresent());
                int beats = heartbeats(stream.body());
                stream.readUntilTimes(": heartbeat\n\n", beats + 2);
            } finally {
                REDIS.server().restart();
            }

            String after = http.published("outage", null, "after");
            String body = RawSse.withoutHeartbeats(stream.readUntil("data: after\n\n"));
            assertTrue(body.endsWith("id: " + before + "\ntopic: outage\ndata: before\n\nid: " + after
                            + "\ntopic: outage\ndata: after\n\n"),
                    "the stream stayed open and nothing refused reached it: " + body);
        }
    }

    private static int heartbeats(String body) {
        return body.split(": heartbeat\n\n", -1).length - 1;
    }

    private static HubEvent append(String topic, String data) {
        return elsewhere.append(topic, null, data, HubEvent.NO_RETRY, SseFrames.body(null, data, HubEvent.NO_RETRY));
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }
}
