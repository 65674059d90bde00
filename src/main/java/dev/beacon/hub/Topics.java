package dev.beacon.hub;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topics this node has in use, bounded by {@code beacon.topics.max}. A topic is its live side (subscribers and
 * counters); its events live in the {@link History}.
 */
final class Topics {

    static final int MAX_PER_SUBSCRIPTION = 64;

    private final Map<String, Topic> byName = new ConcurrentHashMap<>();
    private final int max;
    private final String maxSetting;

    Topics(int max, String maxSetting) {
        this.max = max;
        this.maxSetting = maxSetting;
    }

    /** The topic, or null when nobody here has used it. */
    Topic get(String name) {
        return byName.get(name);
    }

    /** @throws CapacityException when the topic is new and the hub already has its maximum */
    Topic getOrCreate(String name) {
        Topic topic = byName.get(name);
        if (topic != null) {
            return topic;
        }
        if (byName.size() >= max) {
            throw new CapacityException("The hub already has its maximum of " + max + " topics (" + maxSetting + ")");
        }
        return byName.computeIfAbsent(name, Topic::new);
    }

    /** The named topics of one subscription, each once, in name order; created where new. */
    List<Topic> getOrCreate(Collection<String> names) {
        Set<String> unique = check(names);
        List<Topic> result = new ArrayList<>(unique.size());
        unique.forEach(name -> result.add(getOrCreate(name)));
        return List.copyOf(result);
    }

    Topic remove(String name) {
        return byName.remove(name);
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
