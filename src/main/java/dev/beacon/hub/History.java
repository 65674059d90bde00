package dev.beacon.hub;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where events are kept, bounded by count and age: the seam between the hub and its stores (memory, file, Redis).
 * It assigns ids: strictly increasing across all topics (and, for a shared store, across nodes), so that one number
 * is a position in a subscription to many topics.
 *
 * <p>The hub learns of events through {@link #onReadable}, not through {@link #append}'s answer: a shared store makes
 * events of other nodes readable here too, and a store may make its own appends readable only once they are durable.
 */
public interface History {

    /**
     * A draft becomes an event: an id is assigned, the id line is put in front of the body, the event is kept. Returns
     * once the store holds it as firmly as it promises (for a durable store: it survives the process being killed).
     *
     * @throws StoreUnavailableException when the store cannot take it now; nothing was appended then
     */
    HubEvent append(String topic, String name, String data, long retry, byte[] body);

    /**
     * Tells {@code readable} of every event once it is readable here (covered by {@link #head}), whichever node
     * appended it; once per event. The hub registers itself once, before the first append.
     */
    void onReadable(Consumer<HubEvent> readable);

    /**
     * The highest id such that it and every smaller id are readable. Readers read up to a head they took before
     * reading, so an event of one topic can never be overtaken by a later event of another.
     */
    long head();

    /** Ids at or below this belong to no event of this store (ids before its start, such as a previous run). */
    long floor();

    /**
     * True when {@code id} is a position this store gave out (or its floor), so a subscription can resume from it
     * without a gap; false for an id from before the store began or one it never reached.
     */
    default boolean isPosition(long id) {
        return id >= floor() && id <= head();
    }

    /** The topic's events with {@code after < id <= upTo}, oldest first, at most {@code limit} of them. */
    List<HubEvent> read(String topic, long after, long upTo, int limit);

    /** True when an event of this topic with an id above {@code after} has already been dropped from retention. */
    boolean lostAfter(String topic, long after);

    /** One retained event, if it is still kept. */
    Optional<HubEvent> find(String topic, long id);

    /** How many events the topic retains now. */
    int size(String topic);

    /**
     * The topics that retain events and whose names start with {@code prefix}: how a feature finds its own topics
     * again after a restart (jobs look for {@code job-}).
     */
    Set<String> topics(String prefix);

    /**
     * True when other processes share this store (Redis): then {@link #published} and {@link #size} are the whole
     * cluster's figures, and events published elsewhere become readable here.
     */
    default boolean shared() {
        return false;
    }

    /**
     * Events published to the topic by every process that shares this store, or -1 when the store keeps no such
     * count (then the hub's own count is the figure).
     */
    default long published(String topic) {
        return -1;
    }

    /** Forgets a topic and everything it retains. */
    void remove(String topic);

    /** Drops what is older than the retention age; called by the hub's periodic tick. */
    void expire(long nowMillis);

    /** Releases what the store holds open (files, connections); called once when the hub stops. */
    default void close() {
    }
}
