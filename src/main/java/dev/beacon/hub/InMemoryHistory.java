package dev.beacon.hub;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The memory store: a ring per topic, in this JVM. Ids start at the start time in microseconds, so they keep growing
 * across restarts and an id from an earlier run is recognised as unknown instead of being mistaken for a position in
 * this one.
 *
 * <p>It is also the recent-past cache in front of the stores outside the JVM: created with {@link #cache}, it assigns
 * no ids and keeps what its one appender hands to {@link #add}, in id order.
 */
public final class InMemoryHistory implements History {

    private final ConcurrentMap<String, TopicLog> logs = new ConcurrentHashMap<>();
    private final int capacity;
    private final long maxAgeMillis;
    private final Clock clock;
    private final long floor;
    private final Object sequence = new Object();
    private long lastId;
    private volatile long head;
    private volatile Consumer<HubEvent> readable = event -> { };

    public InMemoryHistory(int capacity, Duration maxAge, Clock clock) {
        this(capacity, maxAge, clock, clock.millis() * 1000);
    }

    private InMemoryHistory(int capacity, Duration maxAge, Clock clock, long floor) {
        this.capacity = capacity;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
        this.floor = floor;
        this.lastId = floor;
        this.head = floor;
    }

    /**
     * A cache of the events after {@code floor} that another store assigns ids to: nothing at or below {@code floor}
     * is in it, and {@link #lostAfter} says so for any earlier position, so its owner reads those from the store.
     */
    public static InMemoryHistory cache(int capacity, Duration maxAge, Clock clock, long floor) {
        return new InMemoryHistory(capacity, maxAge, clock, floor);
    }

    @Override
    public HubEvent append(String topic, String name, String data, long retry, byte[] body) {
        long now = clock.millis();
        HubEvent event;
        // Assigning the id and appending are one step: a reader that took the head may rely on every event up to it.
        synchronized (sequence) {
            long id = ++lastId;
            event = new HubEvent(id, topic, name, data, retry, now, SseFrames.event(id, topic, body));
            keep(event);
        }
        readable.accept(event);
        return event;
    }

    /**
     * Keeps an event whose id was given out elsewhere, above every id kept so far; for the one thread that feeds a
     * cache. It is readable, and the hub told, before this returns.
     *
     * @throws IllegalArgumentException for an id at or below the head: the feed is out of order
     */
    public void add(HubEvent event) {
        synchronized (sequence) {
            if (event.id() <= lastId) {
                throw new IllegalArgumentException("Event " + event.id() + " is not above " + lastId);
            }
            lastId = event.id();
            keep(event);
        }
        readable.accept(event);
    }

    private void keep(HubEvent event) {
        logs.computeIfAbsent(event.topic(), t -> new TopicLog(capacity, floor)).add(event);
        head = event.id();
    }

    @Override
    public void onReadable(Consumer<HubEvent> listener) {
        this.readable = listener;
    }

    @Override
    public long head() {
        return head;
    }

    @Override
    public long floor() {
        return floor;
    }

    @Override
    public List<HubEvent> read(String topic, long after, long upTo, int limit) {
        TopicLog log = logs.get(topic);
        return log == null ? Collections.emptyList() : log.read(after, upTo, limit);
    }

    @Override
    public boolean lostAfter(String topic, long after) {
        TopicLog log = logs.get(topic);
        return log == null ? after < floor : log.lostAfter(after);
    }

    @Override
    public Optional<HubEvent> find(String topic, long id) {
        TopicLog log = logs.get(topic);
        return Optional.ofNullable(log == null ? null : log.find(id));
    }

    @Override
    public int size(String topic) {
        TopicLog log = logs.get(topic);
        return log == null ? 0 : log.size();
    }

    @Override
    public Set<String> topics(String prefix) {
        Set<String> names = new TreeSet<>();
        logs.forEach((name, log) -> {
            if (name.startsWith(prefix) && log.size() > 0) {
                names.add(name);
            }
        });
        return names;
    }

    @Override
    public void remove(String topic) {
        logs.remove(topic);
    }

    @Override
    public void expire(long nowMillis) {
        long oldestKept = nowMillis - maxAgeMillis;
        logs.values().forEach(log -> log.expire(oldestKept));
    }
}
