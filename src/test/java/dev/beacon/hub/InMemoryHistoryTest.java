package dev.beacon.hub;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retention by count and by age, and ids that only grow across topics. */
class InMemoryHistoryTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void keepsTheNewestEventsUpToItsCapacity() {
        InMemoryHistory history = new InMemoryHistory(3, Duration.ofHours(1), clock);
        List<Long> ids = List.of(append(history, "t"), append(history, "t"), append(history, "t"),
                append(history, "t"), append(history, "t"));

        assertEquals(3, history.size("t"));
        assertEquals(ids.subList(2, 5), read(history, "t", history.floor()));
        assertTrue(history.lostAfter("t", ids.get(0)), "the second event was dropped");
        assertFalse(history.lostAfter("t", ids.get(1)), "everything after the second is kept");
    }

    @Test
    void dropsEventsOlderThanTheRetentionAge() {
        InMemoryHistory history = new InMemoryHistory(100, Duration.ofSeconds(60), clock);
        long old = append(history, "t");
        clock.advance(Duration.ofSeconds(61));
        long recent = append(history, "t");

        history.expire(clock.millis());

        assertEquals(List.of(recent), read(history, "t", history.floor()));
        assertTrue(history.lostAfter("t", history.floor()), "the old event expired");
        assertFalse(history.lostAfter("t", old));
        assertTrue(history.find("t", old).isEmpty());
    }

    @Test
    void idsGrowAcrossTopicsAndReadsStopAtTheGivenHead() {
        InMemoryHistory history = new InMemoryHistory(10, Duration.ofHours(1), clock);
        long a = append(history, "a");
        long b = append(history, "b");
        long c = append(history, "a");

        assertTrue(a < b && b < c);
        assertEquals(c, history.head());
        assertEquals(List.of(a), history.read("a", history.floor(), b, 10).stream().map(HubEvent::id).toList());
        assertEquals("id: " + b + "\ntopic: b\ndata: x\n", new String(history.find("b", b).orElseThrow().frame()));
    }

    @Test
    void startsIdsAtTheStartTimeSoALaterRunNeverReusesThem() {
        InMemoryHistory first = new InMemoryHistory(10, Duration.ofHours(1), clock);
        long early = append(first, "t");
        clock.advance(Duration.ofMillis(1));
        InMemoryHistory restarted = new InMemoryHistory(10, Duration.ofHours(1), clock);
        assertTrue(restarted.floor() >= early, "an id of the earlier run is below the new floor: unknown");
    }

    /**
     * Readers take no lock, so a read that races with a publisher overwriting the ring must either be whole (the ids
     * after the cursor, with no hole) or be followed by a {@code lostAfter} that says so; never a silent hole.
     */
    @Test
    void readersThatRaceWithAWriterSeeEveryEventOrAreToldTheyLostSome() throws Exception {
        InMemoryHistory history = new InMemoryHistory(64, Duration.ofHours(1), clock);
        int events = 200_000;
        int readerCount = 2;
        CountDownLatch readersStarted = new CountDownLatch(readerCount);
        ExecutorService threads = Executors.newFixedThreadPool(1 + readerCount);
        try {
            Future<?> writer = threads.submit(() -> {
                for (int i = 0; i < 32; i++) {
                    append(history, "t");
                }
                // Without this a fast writer could lap readers that have not started: they would check nothing.
                if (!readersStarted.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the readers never read the first events");
                }
                for (int i = 32; i < events; i++) {
                    append(history, "t");
                }
                return null;
            });
            List<Future<long[]>> readers = new ArrayList<>();
            for (int i = 0; i < readerCount; i++) {
                readers.add(threads.submit(() -> follow(history, writer, readersStarted)));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<long[]> reader : readers) {
                long[] counts = reader.get(60, TimeUnit.SECONDS);
                assertTrue(counts[0] > 0, "the reader read events");
                assertEquals(history.head(), counts[1], "the reader followed the log to its end");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Reads as a subscriber does, checking each batch; counts {@code started} down once it has read an event.
     * Answers {events read, final cursor}.
     */
    private static long[] follow(History history, Future<?> writer, CountDownLatch started) {
        long cursor = history.floor();
        long read = 0;
        while (!writer.isDone() || cursor < history.head()) {
            long head = history.head();
            List<HubEvent> batch = history.read("t", cursor, head, 16);
            if (history.lostAfter("t", cursor)) {
                cursor = head; // dropped for being slow: it resumes from where the log is now
                continue;
            }
            for (HubEvent event : batch) {
                assertEquals(cursor + 1, event.id(), "no hole and no repeat after " + cursor);
                cursor = event.id();
            }
            if (read == 0 && !batch.isEmpty()) {
                started.countDown();
            }
            read += batch.size();
            if (batch.size() < 16) {
                cursor = head;
            }
        }
        return new long[] {read, cursor};
    }

    private static long append(History history, String topic) {
        return history.append(topic, null, "x", HubEvent.NO_RETRY, SseFrames.body(null, "x", HubEvent.NO_RETRY))
                .id();
    }

    private static List<Long> read(History history, String topic, long after) {
        return history.read(topic, after, history.head(), 100).stream().map(HubEvent::id).toList();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
