package dev.beacon.store;

import dev.beacon.hub.History;
import dev.beacon.hub.HubEvent;
import dev.beacon.hub.InMemoryHistory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The hub's history when events live in a {@link DurableLog}: the log assigns ids and keeps events; a ring in memory
 * ({@link InMemoryHistory#cache}) holds what the log has handed over since this process started following it, and
 * serves live delivery. A read the ring cannot answer in full (a position from before this process, or one its ring
 * has already dropped) goes to the log.
 *
 * <p>The log is the ring's only feed, so the ring's head still means "everything up to here is readable", and an
 * event appended here reaches subscribers the same way as one appended by another node.
 */
public final class StoreHistory implements History {

    private final DurableLog log;
    private final InMemoryHistory recent;

    public StoreHistory(DurableLog log, int capacity, Duration maxAge, Clock clock) {
        this.log = log;
        long from = log.head();
        this.recent = InMemoryHistory.cache(capacity, maxAge, clock, from);
        log.follow(from, recent::add);
    }

    @Override
    public HubEvent append(String topic, String name, String data, long retry, byte[] body) {
        return log.append(topic, name, data, retry, body);
    }

    @Override
    public void onReadable(Consumer<HubEvent> readable) {
        recent.onReadable(readable);
    }

    @Override
    public long head() {
        return recent.head();
    }

    @Override
    public long floor() {
        return log.floor();
    }

    /**
     * A position this node has read is known from memory; any other is the log's to answer (one up to the log's head
     * is known even before this node has read up to it).
     */
    @Override
    public boolean isPosition(long id) {
        return (id > recent.floor() && id <= recent.head()) || log.isPosition(id);
    }

    @Override
    public List<HubEvent> read(String topic, long after, long upTo, int limit) {
        if (after >= recent.floor()) {
            List<HubEvent> events = recent.read(topic, after, upTo, limit);
            // Checked after reading: a drop that raced with the read shows here.
            if (!recent.lostAfter(topic, after)) {
                return events;
            }
        }
        return log.read(topic, after, upTo, limit);
    }

    @Override
    public boolean lostAfter(String topic, long after) {
        return (after < recent.floor() || recent.lostAfter(topic, after)) && log.lostAfter(topic, after);
    }

    @Override
    public Optional<HubEvent> find(String topic, long id) {
        Optional<HubEvent> cached = id > recent.floor() ? recent.find(topic, id) : Optional.empty();
        return cached.isPresent() ? cached : log.find(topic, id);
    }

    @Override
    public int size(String topic) {
        return log.size(topic);
    }

    @Override
    public Set<String> topics(String prefix) {
        return log.topics(prefix);
    }

    @Override
    public boolean shared() {
        return log.shared();
    }

    @Override
    public long published(String topic) {
        return log.published(topic);
    }

    @Override
    public void remove(String topic) {
        log.remove(topic);
        recent.remove(topic);
    }

    @Override
    public void expire(long nowMillis) {
        recent.expire(nowMillis);
        log.expire(nowMillis);
    }

    @Override
    public void close() {
        log.close();
    }
}
