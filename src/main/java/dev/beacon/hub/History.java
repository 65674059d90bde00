package dev.beacon.hub;

import java.util.List;
import java.util.Optional;

/**
 * Where events are kept, bounded by count and age. It assigns ids: strictly increasing across all topics, so that
 * one number is a position in a subscription to many topics. The in-memory store is the default; a durable or a
 * Redis Streams store keeps the same contract (Redis stream entries can take explicit, increasing ids).
 */
public interface History {

    /** A draft becomes an event: an id is assigned, the id line is put in front of the body, the event is kept. */
    HubEvent append(String topic, String name, String data, long retry, byte[] body);

    /**
     * The highest id such that it and every smaller id are readable. Readers read up to a head they took before
     * reading, so an event of one topic can never be overtaken by a later event of another.
     */
    long head();

    /** Ids at or below this belong to no event of this store (ids before its start, such as a previous run). */
    long floor();

    /** The topic's events with {@code after < id <= upTo}, oldest first, at most {@code limit} of them. */
    List<HubEvent> read(String topic, long after, long upTo, int limit);

    /** True when an event of this topic with an id above {@code after} has already been dropped from retention. */
    boolean lostAfter(String topic, long after);

    /** One retained event, if it is still kept. */
    Optional<HubEvent> find(String topic, long id);

    /** How many events the topic retains now. */
    int size(String topic);

    /** Forgets a topic and everything it retains. */
    void remove(String topic);

    /** Drops what is older than the retention age; called by the hub's periodic tick. */
    void expire(long nowMillis);
}
