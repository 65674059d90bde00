package dev.beacon.store.file;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the store knows of each topic, in memory: its small id in the database, how many events it retains and the
 * newest id retention has dropped from it (what {@code lostAfter} answers from). Loaded from the database at open;
 * changed only by the writer, alongside its transaction, so a failed transaction is undone by loading again.
 *
 * <p>A topic's {@link Topic#dropped} is raised before the deletion it describes commits: a reader that read before the
 * deletion and checks afterwards sees the loss, so a drop racing with a read never passes as complete.
 */
final class Topics {

    /** One topic's figures. */
    static final class Topic {
        final long tid;
        final String name;
        volatile int count;
        volatile long dropped;

        Topic(long tid, String name, int count, long dropped) {
            this.tid = tid;
            this.name = name;
            this.count = count;
            this.dropped = dropped;
        }
    }

    private final Map<String, Topic> byName = new ConcurrentHashMap<>();
    private final Map<Long, Topic> byId = new ConcurrentHashMap<>();
    private long nextTid;

    /** Every topic the database holds, with its retained count. */
    static Topics load(Connection connection) throws SQLException {
        Topics topics = new Topics();
        Map<Long, Integer> counts = new HashMap<>();
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT tid, count(*) FROM events GROUP BY tid"); ResultSet rows = count.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getLong(1), rows.getInt(2));
            }
        }
        try (PreparedStatement all = connection.prepareStatement("SELECT tid, name, dropped FROM topics");
             ResultSet rows = all.executeQuery()) {
            while (rows.next()) {
                long tid = rows.getLong(1);
                topics.add(new Topic(tid, rows.getString(2), counts.getOrDefault(tid, 0), rows.getLong(3)));
            }
        }
        return topics;
    }

    private void add(Topic topic) {
        byName.put(topic.name, topic);
        byId.put(topic.tid, topic);
        nextTid = Math.max(nextTid, topic.tid + 1);
    }

    Topic get(String name) {
        return byName.get(name);
    }

    Topic get(long tid) {
        return byId.get(tid);
    }

    Collection<Topic> all() {
        return byName.values();
    }

    /** A topic new to the database; the writer inserts its row in the same transaction as its first event. */
    Topic create(String name, long dropped) {
        Topic topic = new Topic(nextTid, name, 0, dropped);
        add(topic);
        return topic;
    }

    void delete(Topic topic) {
        byName.remove(topic.name);
        byId.remove(topic.tid);
    }
}
