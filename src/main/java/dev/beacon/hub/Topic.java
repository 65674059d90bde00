package dev.beacon.hub;

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
        return new TopicStats(name, subscribers.size(), published.sum(), delivered.sum(), droppedSlow.sum(),
                history.size(name));
    }
}
