package dev.beacon.store.file;

import dev.beacon.hub.HubEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.beacon.store.file.StoreFixture.append;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file store on its own: what survives a close, ids across restarts, group commit, retention on disk. */
class FileStoreTest {

    @TempDir
    Path directory;
    private StoreFixture fixture;
    private final List<FileStore> open = new ArrayList<>();

    private FileStore open(int historySize) {
        fixture = fixture == null ? new StoreFixture(directory) : fixture;
        FileStore store = fixture.open(historySize);
        open.add(store);
        return store;
    }

    @AfterEach
    void closeAll() {
        open.forEach(FileStore::close);
        fixture.close();
    }

    @Test
    void anAppendedEventIsReadableAndFollowedBeforeAppendReturns() {
        FileStore store = open(10);
        List<HubEvent> followed = new CopyOnWriteArrayList<>();
        store.follow(store.head(), followed::add);

        HubEvent event = append(store, "news", "hello");

        assertEquals(List.of(event), followed, "the follower (the hub's ring) has it when the publisher is answered");
        assertEquals(event.id(), store.head());
        HubEvent read = store.read("news", store.floor(), store.head(), 10).get(0);
        assertArrayEquals(event.frame(), read.frame(), "the frame read back is the one published, byte for byte");
        assertEquals(event.data(), store.find("news", event.id()).orElseThrow().data());
    }

    @Test
    void afterAReopenEveryEventIsThereAndIdsContinueAboveTheLastAndAboveTheStartTime() {
        FileStore first = open(10);
        long floor = first.floor();
        List<HubEvent> before = List.of(append(first, "news", "a"), append(first, "news", "b"),
                append(first, "other", "c"));
        first.close();
        open.remove(first);
        fixture.clock.advance(Duration.ofSeconds(30));

        FileStore second = open(10);
        HubEvent after = append(second, "news", "d");

        assertEquals(floor, second.floor(), "the floor is the store's, kept in the file");
        assertEquals(List.of("a", "b", "d"), second.read("news", floor, second.head(), 10).stream()
                .map(HubEvent::data).toList());
        assertTrue(after.id() > fixture.clock.millis() * 1000, "ids jump to the start time in microseconds, above"
                + " what a memory store started meanwhile would give out");
        long last = before.get(2).id();
        assertTrue(second.isPosition(last), "an id given out before the restart is a position");
        assertFalse(second.isPosition(last + 1), "an id the restart skipped was never given out here");
        assertTrue(second.isPosition(after.id() - 1), "the start of this run is a position (a job's origin)");
        assertFalse(second.lostAfter("news", floor), "nothing was dropped");
    }

    @Test
    void concurrentPublishersAreAllCommittedOnceInIdOrder() throws Exception {
        FileStore store = open(10_000);
        List<HubEvent> followed = Collections.synchronizedList(new ArrayList<>());
        store.follow(store.head(), followed::add);
        ExecutorService publishers = Executors.newFixedThreadPool(8);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            String topic = "t" + (p % 3);
            results.add(publishers.submit(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    ids.add(append(store, topic, "x" + i).id());
                }
                return ids;
            }));
        }
        List<Long> acknowledged = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            acknowledged.addAll(result.get());
        }
        publishers.shutdown();

        List<Long> followedIds = followed.stream().map(HubEvent::id).toList();
        assertEquals(1600, followedIds.size());
        for (int i = 1; i < followedIds.size(); i++) {
            assertTrue(followedIds.get(i) == followedIds.get(i - 1) + 1, "ids are consecutive, in order: " + i);
        }
        Collections.sort(acknowledged);
        assertEquals(followedIds, acknowledged, "every acknowledged id was followed, once");
        assertEquals(1600, store.size("t0") + store.size("t1") + store.size("t2"));
    }

    @Test
    void aTopicKeepsAtMostTheHistorySizeOnDisk() throws Exception {
        FileStore store = open(3);
        List<HubEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(append(store, "news", "n" + i));
        }
        append(store, "other", "o");

        assertEquals(3, store.size("news"));
        assertEquals(3, fixture.rowsOnDisk("news"), "the file holds no more than the history size");
        assertEquals(List.of("n2", "n3", "n4"), store.read("news", store.floor(), store.head(), 10).stream()
                .map(HubEvent::data).toList());
        assertTrue(store.lostAfter("news", events.get(0).id()), "n1 was dropped");
        assertFalse(store.lostAfter("news", events.get(1).id()), "nothing after n1 was dropped");
        assertFalse(store.lostAfter("other", store.floor()));
    }

    @Test
    void aStoreWrittenWithALargerHistorySizeIsTrimmedWhenOpenedWithASmallerOne() throws Exception {
        FileStore large = open(10);
        List<HubEvent> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            events.add(append(large, "news", "n" + i));
        }
        large.close();
        open.remove(large);

        FileStore small = open(3);

        assertEquals(3, small.size("news"));
        assertEquals(3, fixture.rowsOnDisk("news"));
        assertEquals(List.of("n5", "n6", "n7"), small.read("news", small.floor(), small.head(), 10).stream()
                .map(HubEvent::data).toList());
        assertTrue(small.lostAfter("news", events.get(3).id()), "a client that had n3 missed n4");
        assertFalse(small.lostAfter("news", events.get(4).id()));
    }

    @Test
    void eventsOlderThanTheHistoryAgeLeaveTheDisk() throws Exception {
        fixture = new StoreFixture(directory);
        FileStore store = fixture.open(100, Duration.ofMinutes(10), 0);
        open.add(store);
        HubEvent old = append(store, "news", "old");
        append(store, "gone", "old too");
        fixture.clock.advance(Duration.ofMinutes(11));
        HubEvent fresh = append(store, "news", "fresh");

        store.expire(fixture.clock.millis());

        assertEquals(List.of("fresh"), store.read("news", store.floor(), store.head(), 10).stream()
                .map(HubEvent::data).toList());
        assertEquals(1, fixture.rowsOnDisk("news"));
        assertEquals(0, fixture.rowsOnDisk("gone"));
        assertTrue(store.lostAfter("news", store.floor()));
        assertFalse(store.lostAfter("news", old.id()));
        assertTrue(store.lostAfter("gone", store.floor()), "a topic left empty still says what it lost");
        assertEquals(fresh.id(), store.find("news", fresh.id()).orElseThrow().id());
    }

    @Test
    void eventsThatAgedWhileBeaconWasStoppedAreDroppedAtOpen() throws Exception {
        fixture = new StoreFixture(directory);
        FileStore store = fixture.open(100, Duration.ofMinutes(10), 0);
        append(store, "news", "old");
        store.close();
        fixture.clock.advance(Duration.ofHours(1));

        FileStore reopened = fixture.open(100, Duration.ofMinutes(10), 0);
        open.add(reopened);

        assertEquals(0, fixture.rowsOnDisk("news"));
        assertTrue(reopened.lostAfter("news", reopened.floor()));
    }

    @Test
    void aRemovedTopicLeavesTheDisk() throws Exception {
        FileStore store = open(10);
        append(store, "job-1", "p");
        store.remove("job-1");

        assertEquals(0, store.size("job-1"));
        assertEquals(0, fixture.rowsOnDisk("job-1"));
        assertEquals(List.of(), store.read("job-1", store.floor(), store.head(), 10));
    }

    @Test
    void idsGivenOutStayGivenOutEvenWhenTheirEventsAreGoneAndTheClockWentBack() {
        FileStore store = open(10);
        long removed = append(store, "job-2", "the newest event").id();
        store.remove("job-2");
        store.close();
        open.remove(store);
        fixture.clock.advance(Duration.ofHours(-1)); // the start time is no help now

        FileStore reopened = open(10);

        assertEquals(removed, reopened.head());
        assertTrue(append(reopened, "news", "next").id() > removed, "an id is never given out twice");
    }
}
