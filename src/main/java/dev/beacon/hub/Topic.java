package dev.beacon.hub;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A topic's live side: who listens now, and its counters. Its events live in the {@link History}. */
final class Topic {

    final String name;
    final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    final LongAdder published = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder droppedSlow = new LongAdder();

    Topic(String name) {
        this.name = name;
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
