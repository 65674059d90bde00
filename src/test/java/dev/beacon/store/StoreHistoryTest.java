package dev.beacon.store;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.InMemoryHistory;
import dev.beacon.hub.SseFrames;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ring in front of a durable log: live reads from memory, older ones from the log, nothing lost between. */
class StoreHistoryTest {

    private final CountingLog log = new CountingLog();

    @Test
    void eventsFromBeforeThisProcessAreReadFromTheLog() {
        long before = log.head();
        log.append("news", null, "a", HubEvent.NO_RETRY, SseFrames.body(null, "a", HubEvent.NO_RETRY));
        log.append("news", null, "b", HubEvent.NO_RETRY, SseFrames.body(null, "b", HubEvent.NO_RETRY));
        StoreHistory history = new StoreHistory(log, 10, Duration.ofHours(1), Clock.systemUTC());

        List<HubEvent> events = history.read("news", before, history.head(), 10);

        assertEquals(List.of("a", "b"), events.stream().map(HubEvent::data).toList());
        assertTrue(history.isPosition(before), "the position before both events is one a client may resume from");
        assertFalse(history.lostAfter("news", before), "nothing was dropped from the log");
    }

    @Test
    void eventsAppendedNowReachTheHubAndAreReadFromMemory() {
        StoreHistory history = new StoreHistory(log, 10, Duration.ofHours(1), Clock.systemUTC());
        List<HubEvent> told = new ArrayList<>();
        history.onReadable(told::add);
        long start = history.head();

        HubEvent appended = history.append("news", "greeting", "hi", HubEvent.NO_RETRY,
                SseFrames.body("greeting", "hi", HubEvent.NO_RETRY));
        int logReads = log.reads.get();

        assertEquals(List.of(appended.id()), told.stream().map(HubEvent::id).toList());
        assertEquals(appended.id(), history.head());
        assertEquals(List.of("hi"), history.read("news", start, history.head(), 10).stream().map(HubEvent::data)
                .toList());
        assertEquals(logReads, log.reads.get(), "a live read is served from memory");
        assertEquals(Optional.of("hi"), history.find("news", appended.id()).map(HubEvent::data));
    }

    @Test
    void aPositionTheRingDroppedIsReadFromTheLog() {
        StoreHistory history = new StoreHistory(log, 2, Duration.ofHours(1), Clock.systemUTC());
        long start = history.head();
        for (String data : List.of("a", "b", "c")) {
            history.append("news", null, data, HubEvent.NO_RETRY, SseFrames.body(null, data, HubEvent.NO_RETRY));
        }

        assertEquals(List.of("a", "b", "c"), history.read("news", start, history.head(), 10).stream()
                .map(HubEvent::data).toList(), "the ring keeps two; the third comes from the log");
        assertFalse(history.lostAfter("news", start));
    }

    @Test
    void anIdBelowTheLogsFloorIsNoPosition() {
        StoreHistory history = new StoreHistory(log, 2, Duration.ofHours(1), Clock.systemUTC());

        assertFalse(history.isPosition(log.floor() - 1));
        assertFalse(history.isPosition(log.head() + 1));
    }

    /** A log kept in memory (as a real one keeps it on disk or in Redis) that counts the reads it serves. */
    private static final class CountingLog implements DurableLog {

        private final InMemoryHistory kept = new InMemoryHistory(100, Duration.ofHours(1), Clock.systemUTC());
        private final AtomicInteger reads = new AtomicInteger();
        private volatile Consumer<HubEvent> sink = event -> { };
        private volatile long followFrom = Long.MAX_VALUE;

        CountingLog() {
            kept.onReadable(event -> {
                if (event.id() > followFrom) {
                    sink.accept(event);
                }
            });
        }

        @Override
        public long floor() {
            return kept.floor();
        }

        @Override
        public long head() {
            return kept.head();
        }

        @Override
        public HubEvent append(String topic, String name, String data, long retry, byte[] body) {
            return kept.append(topic, name, data, retry, body);
        }

        @Override
        public void follow(long after, Consumer<HubEvent> feed) {
            this.sink = feed;
            this.followFrom = after;
        }

        @Override
        public List<HubEvent> read(String topic, long after, long upTo, int limit) {
            reads.incrementAndGet();
            return kept.read(topic, after, upTo, limit);
        }

        @Override
        public boolean lostAfter(String topic, long after) {
            return kept.lostAfter(topic, after);
        }

        @Override
        public Optional<HubEvent> find(String topic, long id) {
            return kept.find(topic, id);
        }

        @Override
        public int size(String topic) {
            return kept.size(topic);
        }

        @Override
        public void remove(String topic) {
            kept.remove(topic);
        }

        @Override
        public void expire(long nowMillis) {
            kept.expire(nowMillis);
        }

        @Override
        public void close() {
        }
    }
}
