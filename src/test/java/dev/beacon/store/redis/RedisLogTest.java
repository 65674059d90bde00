package dev.beacon.store.redis;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.HubEvent;
import dev.beacon.hub.SseFrames;
import dev.beacon.hub.StoreUnavailableException;
import dev.beacon.testing.RedisServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log in a real Redis, as two nodes share it: ids, ranges, retention, following, and Redis going away. */
class RedisLogTest {

    private static RedisServer redis;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<RedisLog> opened = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void closeLogs() {
        opened.forEach(RedisLog::close);
        threads.shutdownNow();
    }

    private RedisLog open(int size) {
        return open(size, Duration.ofHours(1));
    }

    private RedisLog open(int size, Duration age) {
        BeaconConfig config = BeaconConfig.withOverrides(Map.of(RedisStore.URL, redis.url(),
                RedisStore.TIMEOUT, "1", BeaconConfig.HISTORY_SIZE, Integer.toString(size)));
        RedisLog log = RedisLog.open(new Redis(RedisSettings.from(config)), size, age, threads);
        opened.add(log);
        return log;
    }

    private static HubEvent append(RedisLog log, String topic, String data) {
        return log.append(topic, "note", data, HubEvent.NO_RETRY, SseFrames.body("note", data, HubEvent.NO_RETRY));
    }

    @Test
    void idsIncreaseAcrossTopicsAndNodesAndEveryFollowerGetsEveryEventInOrder() throws InterruptedException {
        RedisLog a = open(100);
        RedisLog b = open(100);
        assertEquals(a.floor(), b.floor(), "one log, one floor");
        BlockingQueue<HubEvent> seenByA = new LinkedBlockingQueue<>();
        BlockingQueue<HubEvent> seenByB = new LinkedBlockingQueue<>();
        long start = a.head();
        a.follow(start, seenByA::add);
        b.follow(start, seenByB::add);

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RedisLog node = i % 2 == 0 ? a : b;
            ids.add(append(node, i % 3 == 0 ? "order-x" : "order-y", "event " + i).id());
        }

        assertTrue(ids.get(0) > a.floor());
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) > ids.get(i - 1), "ids strictly increase: " + ids);
        }
        assertEquals(ids, take(seenByA, 20).stream().map(HubEvent::id).toList());
        assertEquals(ids, take(seenByB, 20).stream().map(HubEvent::id).toList());
        assertEquals(ids.get(ids.size() - 1), b.head());
    }

    @Test
    void anEventReadBackIsTheEventPublishedFrameAndAll() {
        RedisLog log = open(100);
        String data = "line one\r\nline two é";
        HubEvent published = log.append("frames", "quote", data, 1500, SseFrames.body("quote", data, 1500));

        HubEvent read = log.find("frames", published.id()).orElseThrow();

        assertEquals(published.id(), read.id());
        assertEquals("quote", read.name());
        assertEquals(data, read.data());
        assertEquals(1500, read.retry());
        assertEquals(published.timestamp(), read.timestamp());
        assertArrayEquals(published.frame(), read.frame(), new String(read.frame(), StandardCharsets.UTF_8));
    }

    @Test
    void aTopicRetainsItsSizeAndSaysWhatItDropped() {
        RedisLog log = open(3);
        long before = log.head();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(append(log, "kept", "n" + i).id());
        }

        assertEquals(3, log.size("kept"));
        assertEquals(List.of("n2", "n3", "n4"), log.read("kept", before, log.head(), 10).stream()
                .map(HubEvent::data).toList());
        assertEquals(List.of("n3"), log.read("kept", ids.get(2), log.head(), 1).stream().map(HubEvent::data)
                .toList(), "a range starts after its first id and stops at its limit");
        assertTrue(log.lostAfter("kept", before), "n0 and n1 are gone");
        assertTrue(log.lostAfter("kept", ids.get(0)), "n1 is gone");
        assertFalse(log.lostAfter("kept", ids.get(1)), "everything after n1 is kept");
        assertFalse(log.lostAfter("never-published", log.head()));
        assertEquals(5, log.published("kept"));
        assertTrue(log.find("kept", ids.get(0)).isEmpty());
    }

    @Test
    void eventsOlderThanTheAgeAreDroppedAndSaidToBeMissed() {
        RedisLog log = open(100, Duration.ofMillis(300));
        long before = log.head();
        HubEvent old = append(log, "aging", "old");

        Awaitility.await("the event is trimmed by age").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    log.expire(System.currentTimeMillis());
                    return log.size("aging") == 0;
                });

        assertTrue(log.lostAfter("aging", before));
        assertFalse(log.lostAfter("aging", old.id()));
        assertTrue(log.find("aging", old.id()).isEmpty());
    }

    @Test
    void aRemovedTopicIsForgotten() {
        RedisLog log = open(10);
        append(log, "gone", "x");

        log.remove("gone");

        assertEquals(0, log.size("gone"));
        assertEquals(0, log.published("gone"));
    }

    @Test
    void whileRedisIsDownAppendsFailFastAndTheFollowerCarriesOnWhenItIsBack() throws InterruptedException {
        RedisLog log = open(100);
        BlockingQueue<HubEvent> seen = new LinkedBlockingQueue<>();
        log.follow(log.head(), seen::add);
        HubEvent first = append(log, "outage", "before");
        assertEquals(first.id(), take(seen, 1).get(0).id());

        redis.stop();
        try {
            assertThrows(StoreUnavailableException.class, () -> append(log, "outage", "while down"));
        } finally {
            redis.restart();
        }
        HubEvent after = append(log, "outage", "after");

        assertEquals(List.of(after.id()), take(seen, 1).stream().map(HubEvent::id).toList(),
                "the follower reconnects by itself and goes on after the last id it handed over");
        assertEquals(List.of("before", "after"), log.read("outage", first.id() - 1, log.head(), 10).stream()
                .map(HubEvent::data).toList(), "what Redis acknowledged survived its restart (appendonly)");
    }

    private static List<HubEvent> take(BlockingQueue<HubEvent> queue, int count) throws InterruptedException {
        List<HubEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HubEvent event = queue.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "event " + (i + 1) + " of " + count + " within 10 s; got " + events);
            events.add(event);
        }
        return events;
    }
}
