package dev.beacon.hub;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One topic's retained events: a ring of at most {@code capacity} events in id order. Guarded by its own monitor. */
final class TopicLog {

    private final HubEvent[] ring;
    private int start;
    private int size;
    /** The highest id that has been dropped from this log, or the store's floor. */
    private long droppedUpTo;

    TopicLog(int capacity, long floor) {
        this.ring = new HubEvent[capacity];
        this.droppedUpTo = floor;
    }

    synchronized void add(HubEvent event) {
        if (size == ring.length) {
            droppedUpTo = ring[start].id();
            ring[start] = null;
            start = (start + 1) % ring.length;
            size--;
        }
        ring[(start + size) % ring.length] = event;
        size++;
    }

    synchronized List<HubEvent> read(long after, long upTo, int limit) {
        int from = firstAbove(after);
        if (from == size) {
            return Collections.emptyList();
        }
        List<HubEvent> out = new ArrayList<>(Math.min(limit, size - from));
        for (int i = from; i < size && out.size() < limit; i++) {
            HubEvent event = at(i);
            if (event.id() > upTo) {
                break;
            }
            out.add(event);
        }
        return out;
    }

    synchronized boolean lostAfter(long after) {
        return droppedUpTo > after;
    }

    synchronized HubEvent find(long id) {
        int index = firstAbove(id - 1);
        return index < size && at(index).id() == id ? at(index) : null;
    }

    synchronized int size() {
        return size;
    }

    synchronized void expire(long oldestKeptTimestamp) {
        while (size > 0 && ring[start].timestamp() < oldestKeptTimestamp) {
            droppedUpTo = ring[start].id();
            ring[start] = null;
            start = (start + 1) % ring.length;
            size--;
        }
    }

    private HubEvent at(int index) {
        return ring[(start + index) % ring.length];
    }

    /** Index of the first event with an id above {@code id}: a binary search, since ids only grow. */
    private int firstAbove(long id) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (at(mid).id() <= id) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
