package dev.beacon.hub;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One topic's ring: reads by id range, drops the oldest when full or too old, and says what it has dropped. */
class TopicLogTest {

    private static final long FLOOR = 1000;

    @Test
    void readsTheEventsAfterAnIdUpToAnother() {
        TopicLog log = logWith(4, 1001, 1003, 1007);

        assertEquals(List.of(1003L, 1007L), ids(log.read(1001, 1007, 10)));
        assertEquals(List.of(1003L), ids(log.read(1001, 1006, 10)), "nothing above upTo");
        assertEquals(List.of(1001L), ids(log.read(FLOOR, 1007, 1)), "at most the limit, oldest first");
        assertEquals(List.of(), ids(log.read(1007, 2000, 10)));
    }

    @Test
    void aFullRingDropsItsOldestAndSaysSo() {
        TopicLog log = logWith(2, 1001, 1002, 1003);

        assertEquals(2, log.size());
        assertEquals(List.of(1002L, 1003L), ids(log.read(FLOOR, 2000, 10)));
        assertTrue(log.lostAfter(1000), "1001 was dropped: a reader at 1000 has a hole");
        assertFalse(log.lostAfter(1001), "a reader at 1001 still gets everything after it");
        assertNull(log.find(1001));
        assertEquals(1002, log.find(1002).id());
    }

    @Test
    void positionsBelowTheFloorAreLost() {
        TopicLog log = logWith(4, 1001);

        assertTrue(log.lostAfter(FLOOR - 1), "what came before the floor is not in this log");
        assertFalse(log.lostAfter(FLOOR));
    }

    @Test
    void expiryDropsEventsOlderThanTheOldestKeptTimestamp() {
        TopicLog log = new TopicLog(8, FLOOR);
        log.add(event(1001, 100));
        log.add(event(1002, 200));
        log.add(event(1003, 300));

        log.expire(200);

        assertEquals(List.of(1002L, 1003L), ids(log.read(FLOOR, 2000, 10)));
        assertTrue(log.lostAfter(1000));
        assertFalse(log.lostAfter(1001));
    }

    @Test
    void anEmptyLogReadsNothingAndHasLostNothing() {
        TopicLog log = new TopicLog(4, FLOOR);

        assertEquals(List.of(), log.read(FLOOR, Long.MAX_VALUE, 10));
        assertEquals(0, log.size());
        assertFalse(log.lostAfter(FLOOR));
    }

    private static TopicLog logWith(int capacity, long... ids) {
        TopicLog log = new TopicLog(capacity, FLOOR);
        for (long id : ids) {
            log.add(event(id, 0));
        }
        return log;
    }

    private static HubEvent event(long id, long timestamp) {
        return new HubEvent(id, "t", null, "d", HubEvent.NO_RETRY, timestamp,
                SseFrames.withId(id, SseFrames.body(null, "d", HubEvent.NO_RETRY)));
    }

    private static List<Long> ids(List<HubEvent> events) {
        return events.stream().map(HubEvent::id).toList();
    }
}
