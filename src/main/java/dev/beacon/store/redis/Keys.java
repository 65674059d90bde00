package dev.beacon.store.redis;

/**
 * Beacon's keys in Redis, and how an event id is written as a stream entry id. An id is a number of microseconds
 * (see {@link Scripts#APPEND}); its entry id is {@code <id>-0}, so Redis orders entries as Beacon orders ids, and
 * trimming by {@code MINID} is trimming by age.
 */
final class Keys {

    /** The last id given out, on any node. */
    static final String ID = "beacon:id";
    /** Ids at or below this belong to no event of the log: set once, when the log is created. */
    static final String FLOOR = "beacon:floor";
    /** How many events the log has taken, 1, 2, 3...: a follower that sees a number skipped knows it missed one. */
    static final String SEQUENCE = "beacon:seq";
    /** Every event of every topic, in id order: what each node follows. */
    static final String ALL = "beacon:all";
    /** The names of the topics that have a stream, for trimming by age. */
    static final String TOPICS = "beacon:topics";
    /** Per topic, the highest id dropped from its stream (by size or age): a resume from below it missed events. */
    static final String TRIMMED = "beacon:trimmed";
    /** Events published per topic, by every node. */
    static final String PUBLISHED = "beacon:published";
    private static final String TOPIC = "beacon:topic:";

    private Keys() {
    }

    /** One topic's retained events. */
    static String topic(String name) {
        return TOPIC + name;
    }

    static String entryId(long id) {
        return id + "-0";
    }
}
