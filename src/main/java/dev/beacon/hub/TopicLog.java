package dev.beacon.hub;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One topic's retained events: a ring of at most {@code capacity} events in id order. Writers ({@link #add},
 * {@link #expire}) take its monitor; readers take no lock at all. A thousand subscribers read each event, so readers
 * must never wait for one another or for a publisher.
 *
 * <p>Every event has a sequence number, its position in the topic since the log began; it lives in slot
 * {@code sequence % capacity}. {@link #end} is the sequence after the last event written, {@link #first} the oldest one
 * retained. A writer moves {@link #first} on before it overwrites or clears a slot, so a reader that read slots from
 * {@code begin} on and then still sees {@code first <= begin} knows that none of them changed under it; otherwise it
 * reads again. {@link #droppedUpTo} is raised before {@link #first} moves, so a reader that checks
 * {@link #lostAfter} after reading sees every drop that could have touched its read.
 */
final class TopicLog {

    private final AtomicReferenceArray<HubEvent> ring;
    private final int capacity;
    private volatile long first;
    private volatile long end;
    /** The highest id that has been dropped from this log, or the store's floor. */
    private volatile long droppedUpTo;

    TopicLog(int capacity, long floor) {
        this.capacity = capacity;
        this.ring = new AtomicReferenceArray<>(capacity);
        this.droppedUpTo = floor;
    }

    /** Appends an event with an id above all before it (the store calls it in id order). */
    synchronized void add(HubEvent event) {
        long sequence = end;
        if (sequence - first == capacity) {
            drop(); // the oldest goes to make room
        }
        ring.set(slot(sequence), event);
        end = sequence + 1;
    }

    synchronized void expire(long oldestKeptTimestamp) {
        while (first < end && ring.get(slot(first)).timestamp() < oldestKeptTimestamp) {
            drop();
        }
    }

    /** Forgets the oldest event: first its id is recorded as dropped, then it stops being readable, then it is gone. */
    private void drop() {
        long oldest = first;
        droppedUpTo = ring.get(slot(oldest)).id();
        first = oldest + 1;
        ring.set(slot(oldest), null);
    }

    /** The events with {@code after < id <= upTo}, oldest first, at most {@code limit}. */
    List<HubEvent> read(long after, long upTo, int limit) {
        while (true) {
            long begin = first;
            long stop = end;
            List<HubEvent> out = readBetween(begin, stop, after, upTo, limit);
            if (out != null && first <= begin) {
                return out;
            }
            // A writer dropped events while we read (or a slot we reached was being cleared): read again.
        }
    }

    private List<HubEvent> readBetween(long begin, long stop, long after, long upTo, int limit) {
        long from = firstAbove(begin, stop, after);
        if (from < 0) {
            return null;
        }
        if (from == stop) {
            return Collections.emptyList();
        }
        List<HubEvent> out = new ArrayList<>((int) Math.min(limit, stop - from));
        for (long sequence = from; sequence < stop && out.size() < limit; sequence++) {
            HubEvent event = ring.get(slot(sequence));
            if (event == null) {
                return null;
            }
            if (event.id() > upTo) {
                break;
            }
            out.add(event);
        }
        return out;
    }

    boolean lostAfter(long after) {
        return droppedUpTo > after;
    }

    HubEvent find(long id) {
        List<HubEvent> match = read(id - 1, id, 1);
        return match.isEmpty() ? null : match.get(0);
    }

    int size() {
        while (true) {
            long begin = first;
            long stop = end;
            if (first == begin) {
                return (int) (stop - begin);
            }
        }
    }

    private int slot(long sequence) {
        return (int) (sequence % capacity);
    }

    /**
     * The sequence of the first event with an id above {@code id} in {@code [begin, stop)}: a binary search, since ids
     * only grow; -1 when it met a slot being cleared.
     */
    private long firstAbove(long begin, long stop, long id) {
        long low = begin;
        long high = stop;
        while (low < high) {
            long mid = (low + high) >>> 1;
            HubEvent event = ring.get(slot(mid));
            if (event == null) {
                return -1;
            }
            if (event.id() <= id) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
