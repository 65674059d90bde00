package dev.beacon.hub;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * The topics this node has in use, bounded by {@code beacon.topics.max}. A topic is its live side (subscribers and
 * counters); its events live in the {@link History}.
 *
 * <p>A topic stays while it is used (subscribers, a publish on its way in) or retains events; otherwise it leaves, so
 * subscribing never leaves lasting state behind: a topic is taken with {@link #acquire} and given back with
 * {@link #release}, and the last release of a topic with nothing retained retires it. A subscription refused part way
 * gives back what it took. Expiry can empty a topic nobody uses: {@link #sweep} retires those.
 */
final class Topics {

    static final int MAX_PER_SUBSCRIPTION = 64;

    private final Map<String, Topic> byName = new ConcurrentHashMap<>();
    private final int max;
    private final String maxSetting;
    /** Events the store retains for a topic: with a shared store, they outlive this node's use of it. */
    private final ToIntFunction<String> retained;

    Topics(int max, String maxSetting, ToIntFunction<String> retained) {
        this.max = max;
        this.maxSetting = maxSetting;
        this.retained = retained;
    }

    /** The topic, or null when nobody here uses it. */
    Topic get(String name) {
        return byName.get(name);
    }

    /**
     * Takes a use of the topic, creating it if new; give it back with {@link #release}.
     *
     * @throws CapacityException when the topic is new and the hub already has its maximum
     */
    Topic acquire(String name) {
        while (true) {
            Topic topic = byName.get(name);
            if (topic == null) {
                if (byName.size() >= max) {
                    throw new CapacityException("The hub already has its maximum of " + max + " topics ("
                            + maxSetting + ")");
                }
                Topic created = new Topic(name);
                topic = byName.putIfAbsent(name, created);
                if (topic == null) {
                    return created;
                }
            }
            if (topic.use()) {
                return topic;
            }
            byName.remove(name, topic); // retired meanwhile: make way for a new one
        }
    }

    /**
     * The named topics of one subscription, each once, in name order, each taken once; all or none: a refusal gives
     * back what it had taken, so it leaves no topic behind.
     *
     * @throws InvalidInputException for no topic, a bad name or too many topics
     * @throws CapacityException     when a topic is new and the hub already has its maximum
     */
    List<Topic> acquire(Collection<String> names) {
        Set<String> unique = check(names);
        List<Topic> result = new ArrayList<>(unique.size());
        try {
            unique.forEach(name -> result.add(acquire(name)));
        } catch (RuntimeException e) {
            result.forEach(this::release);
            throw e;
        }
        return List.copyOf(result);
    }

    /** Gives back a use; the last one of a topic that retains nothing retires it. */
    void release(Topic topic) {
        long state = topic.release();
        if (Topic.unused(state)) {
            retireIfEmpty(topic, state);
        }
    }

    /** Retires every unused topic whose events have all expired. */
    void sweep() {
        for (Topic topic : byName.values()) {
            long state = topic.state();
            if (Topic.unused(state)) {
                retireIfEmpty(topic, state);
            }
        }
    }

    /**
     * The store is asked after the state was read: an event appended before that shows; one appended after needed
     * a use, which changes the state, so the retirement fails.
     */
    private void retireIfEmpty(Topic topic, long unusedState) {
        if (retained.applyAsInt(topic.name) == 0 && topic.retire(unusedState)) {
            byName.remove(topic.name, topic);
        }
    }

    /** Takes the topic out whatever its users (they are being closed); null if it was not here. */
    Topic remove(String name) {
        Topic topic = byName.remove(name);
        if (topic != null) {
            topic.retireNow();
        }
        return topic;
    }

    Collection<Topic> all() {
        return byName.values();
    }

    /**
     * The distinct, valid names of one subscription.
     *
     * @throws InvalidInputException for no topic, a bad name or too many topics
     */
    static Set<String> check(Collection<String> names) {
        if (names.isEmpty()) {
            throw new InvalidInputException("Name at least one topic");
        }
        Set<String> unique = new TreeSet<>();
        names.forEach(name -> unique.add(Names.topic(name)));
        if (unique.size() > MAX_PER_SUBSCRIPTION) {
            throw new InvalidInputException("A subscription may name at most " + MAX_PER_SUBSCRIPTION
                    + " topics, got " + unique.size());
        }
        return unique;
    }
}
