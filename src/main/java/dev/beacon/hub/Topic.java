package dev.beacon.hub;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A topic's live side: who listens now, and its counters. Its events live in the {@link History}.
 *
 * <p>It is in use while it has subscribers or a publish or subscription is on its way in: its {@link #state} counts
 * those users (low 32 bits) and every use ever taken (high 32 bits), so {@link Topics} can tell "no user since I
 * looked" from "users came and went", and retire it only in the first case.
 */
final class Topic {

    /** The state of a topic that has left the registry: it takes no more users. */
    static final long RETIRED = -1;
    private static final long ONE_USE = (1L << 32) + 1;

    final String name;
    final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    final LongAdder published = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder droppedSlow = new LongAdder();
    /** Uses taken (high 32 bits) and users now (low 32 bits), or {@link #RETIRED}. */
    private final AtomicLong state = new AtomicLong(ONE_USE);

    /** Created with one user: its creator. */
    Topic(String name) {
        this.name = name;
    }

    /** One more user; false once it has been retired (the caller looks it up again). */
    boolean use() {
        while (true) {
            long now = state.get();
            if (now == RETIRED) {
                return false;
            }
            if (state.compareAndSet(now, now + ONE_USE)) {
                return true;
            }
        }
    }

    /** One user fewer; answers the state after, to hand to {@link #retire} when no user is left. */
    long release() {
        while (true) {
            long now = state.get();
            if (now == RETIRED || (int) now == 0) {
                return now; // retired by force (a removed topic), or released twice: nothing to count
            }
            if (state.compareAndSet(now, now - 1)) {
                return now - 1;
            }
        }
    }

    /** The state now, for {@link #retire}. */
    long state() {
        return state.get();
    }

    static boolean unused(long state) {
        return state != RETIRED && (int) state == 0;
    }

    /** Retires it if nobody has used it since {@code seen}, which found it unused. */
    boolean retire(long seen) {
        return state.compareAndSet(seen, RETIRED);
    }

    /** Retires it whatever its users (the hub removes it). */
    void retireNow() {
        state.set(RETIRED);
    }

    TopicStats stats(History history) {
        if (!history.shared()) {
            return new TopicStats(name, subscribers.size(), published.sum(), delivered.sum(), droppedSlow.sum(),
                    history.size(name), TopicStats.ALL_LOCAL);
        }
        return new TopicStats(name, subscribers.size(), history.published(name), delivered.sum(), droppedSlow.sum(),
                history.size(name), TopicStats.NODE_LOCAL);
    }

    /** A topic this node has not used, as the shared store knows it from other nodes; empty if it knows none. */
    static Optional<TopicStats> elsewhere(String name, History history) {
        long published = history.shared() ? history.published(name) : 0;
        return published <= 0 ? Optional.empty()
                : Optional.of(new TopicStats(name, 0, published, 0, 0, history.size(name), TopicStats.NODE_LOCAL));
    }
}
