package dev.beacon.hub;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

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
        assertEquals("id: " + b + "\ndata: x\n", new String(history.find("b", b).orElseThrow().frame()));
    }

    @Test
    void startsIdsAtTheStartTimeSoALaterRunNeverReusesThem() {
        InMemoryHistory first = new InMemoryHistory(10, Duration.ofHours(1), clock);
        long early = append(first, "t");
        clock.advance(Duration.ofMillis(1));
        InMemoryHistory restarted = new InMemoryHistory(10, Duration.ofHours(1), clock);
        assertTrue(restarted.floor() >= early, "an id of the earlier run is below the new floor: unknown");
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
