package dev.beacon.hub;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default store: a ring per topic, in this JVM. Ids start at the start time in microseconds, so they keep
 * growing across restarts and an id from an earlier run is recognised as unknown instead of being mistaken for a
 * position in this one.
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

    public InMemoryHistory(int capacity, Duration maxAge, Clock clock) {
        this.capacity = capacity;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
        this.floor = clock.millis() * 1000;
        this.lastId = floor;
        this.head = floor;
    }

    @Override
    public HubEvent append(String topic, String name, String data, long retry, byte[] body) {
        TopicLog log = logs.computeIfAbsent(topic, t -> new TopicLog(capacity, floor));
        long now = clock.millis();
        // Assigning the id and appending are one step: a reader that took the head may rely on every event up to it.
        synchronized (sequence) {
            long id = ++lastId;
            HubEvent event = new HubEvent(id, topic, name, data, retry, now, SseFrames.event(id, topic, body));
            log.add(event);
            head = id;
            return event;
        }
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
        return log != null && log.lostAfter(after);
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
    public void remove(String topic) {
        logs.remove(topic);
    }

    @Override
    public void expire(long nowMillis) {
        long oldestKept = nowMillis - maxAgeMillis;
        logs.values().forEach(log -> log.expire(oldestKept));
    }
}
