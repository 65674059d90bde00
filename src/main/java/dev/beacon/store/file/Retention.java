package dev.beacon.store.file;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Retention on disk, by count per topic and by age, inside the writer's open transaction. Each deletion first raises
 * the topic's {@code dropped} (in memory, then in its row), so {@code lostAfter} covers it before it commits.
 */
final class Retention {

    /** Rows one age-expiry transaction deletes at most, so publishes are not held up behind a long deletion. */
    static final int EXPIRE_CHUNK = 2_000;

    private final int capacity;
    private final PreparedStatement oldestKept;
    private final PreparedStatement deleteUpTo;
    private final PreparedStatement setDropped;
    private final PreparedStatement oldest;
    private final PreparedStatement deleteOldest;
    private final PreparedStatement deleteTopic;
    private final PreparedStatement setMeta;

    Retention(Connection connection, int capacity) throws SQLException {
        this.capacity = capacity;
        this.oldestKept = connection.prepareStatement("SELECT id FROM events WHERE tid = ? ORDER BY id LIMIT 1"
                + " OFFSET ?");
        this.deleteUpTo = connection.prepareStatement("DELETE FROM events WHERE tid = ? AND id <= ?");
        this.setDropped = connection.prepareStatement("UPDATE topics SET dropped = ? WHERE tid = ?");
        this.oldest = connection.prepareStatement("SELECT id, tid, ts FROM events ORDER BY id LIMIT "
                + EXPIRE_CHUNK);
        this.deleteOldest = connection.prepareStatement("DELETE FROM events WHERE id <= ?");
        this.deleteTopic = connection.prepareStatement("DELETE FROM topics WHERE tid = ?");
        this.setMeta = connection.prepareStatement("UPDATE meta SET value = ? WHERE key = ?");
    }

    /** Drops a topic's oldest events beyond the capacity. */
    void trim(Topics.Topic topic) throws SQLException {
        int excess = topic.count - capacity;
        if (excess <= 0) {
            return;
        }
        oldestKept.setLong(1, topic.tid);
        oldestKept.setInt(2, excess);
        long keepFrom;
        try (ResultSet rows = oldestKept.executeQuery()) {
            if (!rows.next()) {
                return; // fewer rows than counted: nothing beyond the capacity after all
            }
            keepFrom = rows.getLong(1);
        }
        dropped(topic, keepFrom - 1);
        deleteUpTo.setLong(1, topic.tid);
        deleteUpTo.setLong(2, keepFrom - 1);
        topic.count -= deleteUpTo.executeUpdate();
    }

    /**
     * Deletes up to {@value #EXPIRE_CHUNK} events published before {@code cutoffMillis}, and forgets topics left
     * with none (raising {@code pruned} to what they had dropped); answers how many events went. Timestamps never
     * decrease with the id, so the events to go are the oldest ids, read in id order up to the first one to keep.
     */
    int expire(Topics topics, Positions positions, long cutoffMillis) throws SQLException {
        Map<Long, long[]> perTopic = new HashMap<>(); // tid -> {events deleted, newest id deleted}
        long upTo = -1;
        int deleted = 0;
        try (ResultSet rows = oldest.executeQuery()) {
            while (rows.next() && rows.getLong(3) < cutoffMillis) {
                upTo = rows.getLong(1);
                long[] figures = perTopic.computeIfAbsent(rows.getLong(2), tid -> new long[2]);
                figures[0]++;
                figures[1] = upTo;
                deleted++;
            }
        }
        if (deleted == 0) {
            return 0;
        }
        for (Map.Entry<Long, long[]> entry : perTopic.entrySet()) {
            Topics.Topic topic = topics.get(entry.getKey());
            if (topic != null) {
                dropped(topic, entry.getValue()[1]);
                topic.count -= (int) entry.getValue()[0];
                if (topic.count <= 0) {
                    prune(topics, positions, topic);
                }
            }
        }
        deleteOldest.setLong(1, upTo);
        deleteOldest.executeUpdate();
        return deleted;
    }

    /**
     * An empty topic's row goes, so topics used once do not pile up; what it had dropped moves into the store-wide
     * {@code pruned}, which answers {@code lostAfter} for topics without a row.
     */
    private void prune(Topics topics, Positions positions, Topics.Topic topic) throws SQLException {
        if (topic.dropped > positions.pruned) {
            positions.pruned = topic.dropped;
            setMeta.setLong(1, topic.dropped);
            setMeta.setString(2, "pruned");
            setMeta.executeUpdate();
        }
        deleteTopic.setLong(1, topic.tid);
        deleteTopic.executeUpdate();
        topics.delete(topic);
    }

    private void dropped(Topics.Topic topic, long id) throws SQLException {
        topic.dropped = Math.max(topic.dropped, id);
        setDropped.setLong(1, topic.dropped);
        setDropped.setLong(2, topic.tid);
        setDropped.executeUpdate();
    }

    /** Keeps {@code value} under {@code key} in the meta table, in the open transaction. */
    void meta(String key, long value) throws SQLException {
        setMeta.setLong(1, value);
        setMeta.setString(2, key);
        setMeta.executeUpdate();
    }
}
