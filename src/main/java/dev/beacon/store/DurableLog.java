package dev.beacon.store;

import dev.beacon.hub.HubEvent;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A log of events kept outside this JVM's memory, which assigns the ids: what a store beyond memory implements. It
 * retains by count per topic and by age, as the memory store does, and it is the one source of events for the
 * cache in front of it ({@link #follow}).
 *
 * <p>Every method may throw {@link dev.beacon.hub.StoreUnavailableException} when the log cannot be reached or
 * written; none may hang without bound.
 */
public interface DurableLog extends AutoCloseable {

    /** Ids at or below this belong to no event of this log (it began above them). */
    long floor();

    /** The highest id the log has given out, on any node. */
    long head();

    /**
     * True when {@code id} is a position this log gave out (or its floor), so a client may resume from it without a
     * gap. A log that skips ids (the file store skips up to the time at each start) answers false for those.
     */
    default boolean isPosition(long id) {
        return id >= floor() && id <= head();
    }

    /**
     * Appends an event and answers it with the id the log gave it, once the log holds it as firmly as it promises.
     * {@code body} is the frame without its {@code id:} line ({@link dev.beacon.hub.SseFrames#body}).
     */
    HubEvent append(String topic, String name, String data, long retry, byte[] body);

    /**
     * From now on hands {@code sink} every event with an id above {@code after}, in id order, once each, from
     * whichever node appended it; on a thread of the log's own. A log that loses its connection carries on from the
     * last id it handed over, so nothing is skipped.
     */
    void follow(long after, Consumer<HubEvent> sink);

    /** The topic's events with {@code after < id <= upTo}, oldest first, at most {@code limit}. */
    List<HubEvent> read(String topic, long after, long upTo, int limit);

    /** True when an event of this topic with an id above {@code after} has been dropped from retention. */
    boolean lostAfter(String topic, long after);

    Optional<HubEvent> find(String topic, long id);

    /** How many events the topic retains now. */
    int size(String topic);

    /**
     * The topics that retain events and whose names start with {@code prefix}. A log that cannot list them answers
     * none; jobs that were running when a node died are then not found again when it restarts.
     */
    default Set<String> topics(String prefix) {
        return Set.of();
    }

    /** True when other processes append to this log too (Redis); false for a log of this process alone. */
    default boolean shared() {
        return false;
    }

    /**
     * Events published to the topic by every process that shares this log, or -1 when the log keeps no such count
     * (then the hub's own count, this process's, is the figure).
     */
    default long published(String topic) {
        return -1;
    }

    /** Forgets a topic and everything it retains. */
    void remove(String topic);

    /** Drops what is older than the retention age. */
    void expire(long nowMillis);

    @Override
    void close();
}
