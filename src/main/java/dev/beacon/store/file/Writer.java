package dev.beacon.store.file;

import dev.beacon.hub.HubEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The one connection that writes, and what the store knows in memory about what it wrote: the head, the topics and
 * the positions. Not thread-safe: its owner calls it under one lock. After a failed transaction the memory is loaded
 * again from the database, which is the truth ({@link #recover}).
 *
 * <p>Transactions are begun and ended by explicit statements ({@code BEGIN IMMEDIATE}, {@code COMMIT}), not by the
 * driver's auto-commit switch: after SQLite has rolled a failed transaction back on its own (a full disk does that),
 * the driver's idea of an open transaction would be wrong, and later statements would commit one by one.
 */
final class Writer implements AutoCloseable {

    private final Connection connection;
    private final Clock clock;
    private final long maxAgeMillis;
    private final Retention retention;
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertTopic;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private volatile Topics topics;
    private volatile Positions positions;
    private volatile long head;
    /** Timestamps never go backwards, even when the clock does, so the oldest events are always the lowest ids. */
    private long lastTimestamp;

    Writer(Connection connection, FileStoreSettings settings, Clock clock) throws SQLException {
        this.connection = connection;
        this.clock = clock;
        this.maxAgeMillis = settings.historyAge().toMillis();
        this.retention = new Retention(connection, settings.historySize());
        this.insertEvent = connection.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)");
        this.insertTopic = connection.prepareStatement("INSERT INTO topics VALUES (?, ?, ?)");
        this.begin = connection.prepareStatement("BEGIN IMMEDIATE");
        this.commit = connection.prepareStatement("COMMIT");
        load();
    }

    private void begin() throws SQLException {
        begin.execute();
    }

    private void commit() throws SQLException {
        commit.execute();
    }

    /** Reads what the store knows from the database, in one transaction (one snapshot). */
    private void load() throws SQLException {
        begin();
        topics = Topics.load(connection);
        positions = Positions.load(connection);
        // The head is written with deletions and at start, not with every commit: the newest event says it otherwise.
        head = Positions.meta(connection, "head");
        lastTimestamp = 0;
        try (PreparedStatement newest = connection.prepareStatement("SELECT id, ts FROM events ORDER BY id DESC"
                + " LIMIT 1"); ResultSet rows = newest.executeQuery()) {
            if (rows.next()) {
                head = Math.max(head, rows.getLong(1));
                lastTimestamp = rows.getLong(2);
            }
        }
        commit();
    }

    /**
     * At start: applies this run's retention to what an earlier run left (it may have kept more per topic, or longer),
     * then moves the head up to the start time in microseconds if that is higher.
     */
    void start() throws SQLException {
        begin();
        for (Topics.Topic topic : List.copyOf(topics.all())) {
            retention.trim(topic);
        }
        commit();
        expire(clock.millis());
        long now = clock.millis() * 1000;
        if (now > head) {
            begin();
            positions.skip(connection, head, now);
            retention.meta("head", now);
            commit();
            head = now;
        }
    }

    /** Writes a batch in one transaction; answers its events in id order. Nothing is readable before it commits. */
    List<HubEvent> append(List<Append> batch) throws SQLException {
        begin();
        long id = head;
        long timestamp = Math.max(lastTimestamp, clock.millis());
        List<HubEvent> events = new ArrayList<>(batch.size());
        Set<Topics.Topic> touched = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Append append : batch) {
            Topics.Topic topic = topic(append.topic);
            HubEvent event = append.event(++id, timestamp);
            insertEvent.setLong(1, id);
            insertEvent.setLong(2, topic.tid);
            insertEvent.setLong(3, timestamp);
            insertEvent.setString(4, event.name());
            insertEvent.setString(5, event.data());
            if (event.retry() == HubEvent.NO_RETRY) {
                insertEvent.setNull(6, java.sql.Types.INTEGER);
            } else {
                insertEvent.setLong(6, event.retry());
            }
            insertEvent.addBatch();
            topic.count++;
            touched.add(topic);
            events.add(event);
        }
        insertEvent.executeBatch();
        for (Topics.Topic topic : touched) {
            retention.trim(topic); // never the batch's newest event: a topic keeps at least one
        }
        commit();
        head = id;
        lastTimestamp = timestamp;
        return events;
    }

    private Topics.Topic topic(String name) throws SQLException {
        Topics.Topic topic = topics.get(name);
        if (topic != null) {
            return topic;
        }
        topic = topics.create(name, Math.max(positions.floor, positions.pruned));
        insertTopic.setLong(1, topic.tid);
        insertTopic.setString(2, name);
        insertTopic.setLong(3, topic.dropped);
        insertTopic.executeUpdate();
        return topic;
    }

    /** Deletes one chunk of events older than the retention age; answers whether there may be more. */
    boolean expireChunk(long nowMillis) throws SQLException {
        begin();
        int deleted = retention.expire(topics, positions, nowMillis - maxAgeMillis);
        if (deleted > 0) {
            retention.meta("head", head); // the newest event may be among them
        }
        commit();
        return deleted == Retention.EXPIRE_CHUNK;
    }

    private void expire(long nowMillis) throws SQLException {
        while (expireChunk(nowMillis)) {
            // chunk after chunk until nothing old is left
        }
    }

    /** Forgets a topic and its events. */
    void remove(String name) throws SQLException {
        Topics.Topic topic = topics.get(name);
        if (topic == null) {
            return;
        }
        begin();
        try (PreparedStatement events = connection.prepareStatement("DELETE FROM events WHERE tid = ?");
             PreparedStatement row = connection.prepareStatement("DELETE FROM topics WHERE tid = ?")) {
            events.setLong(1, topic.tid);
            events.executeUpdate();
            row.setLong(1, topic.tid);
            row.executeUpdate();
        }
        retention.meta("head", head); // the newest event may have been the topic's
        commit();
        topics.delete(topic);
    }

    /** After a failure: the transaction is rolled back and the memory loaded again from what did commit. */
    void recover() throws SQLException {
        try (Statement rollback = connection.createStatement()) {
            rollback.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite had rolled it back already, or the connection is gone; loading says which
        }
        insertEvent.clearBatch();
        load();
    }

    long head() {
        return head;
    }

    Topics topics() {
        return topics;
    }

    Positions positions() {
        return positions;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
