package dev.beacon.store.file;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.SseFrames;
import dev.beacon.hub.StoreUnavailableException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A few read-only connections, each with its statements prepared, lent out one read at a time. Reads reach the file
 * only for events the memory ring in front no longer (or not yet, after a restart) holds: resumes from far back.
 */
final class Readers implements AutoCloseable {

    private static final String COLUMNS = "SELECT id, ts, name, data, retry FROM events ";
    private static final long WAIT_SECONDS = 5;

    /** One connection and its statements. */
    private static final class Reader {
        final Connection connection;
        final PreparedStatement range;
        final PreparedStatement one;

        Reader(Connection connection) throws SQLException {
            this.connection = connection;
            this.range = connection.prepareStatement(COLUMNS + "WHERE tid = ? AND id > ? AND id <= ? ORDER BY id"
                    + " LIMIT ?");
            this.one = connection.prepareStatement(COLUMNS + "WHERE id = ? AND tid = ?");
        }
    }

    private final Path directory;
    private final BlockingQueue<Reader> idle;
    private final List<Reader> all = new ArrayList<>();

    Readers(Path directory, int count) throws SQLException {
        this.directory = directory;
        this.idle = new ArrayBlockingQueue<>(count);
        try {
            for (int i = 0; i < count; i++) {
                Reader reader = new Reader(Database.openReader(directory));
                all.add(reader);
                idle.add(reader);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** The topic's events with {@code after < id <= upTo}, oldest first, at most {@code limit}. */
    List<HubEvent> read(long tid, String topic, long after, long upTo, int limit) {
        return with(reader -> {
            reader.range.setLong(1, tid);
            reader.range.setLong(2, after);
            reader.range.setLong(3, upTo);
            reader.range.setInt(4, limit);
            List<HubEvent> events = new ArrayList<>();
            try (ResultSet rows = reader.range.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows, topic));
                }
            }
            return events;
        });
    }

    Optional<HubEvent> find(long tid, String topic, long id) {
        return with(reader -> {
            reader.one.setLong(1, id);
            reader.one.setLong(2, tid);
            try (ResultSet rows = reader.one.executeQuery()) {
                return rows.next() ? Optional.of(event(rows, topic)) : Optional.empty();
            }
        });
    }

    /** An event as it was published: its frame is built again from its fields, byte for byte the same. */
    static HubEvent event(ResultSet rows, String topic) throws SQLException {
        long id = rows.getLong(1);
        String name = rows.getString(3);
        String data = rows.getString(4);
        long retry = rows.getObject(5) == null ? HubEvent.NO_RETRY : rows.getLong(5);
        return new HubEvent(id, topic, name, data, retry, rows.getLong(2),
                SseFrames.event(id, topic, SseFrames.body(name, data, retry)));
    }

    private interface Query<T> {
        T run(Reader reader) throws SQLException;
    }

    private <T> T with(Query<T> query) {
        Reader reader;
        try {
            reader = idle.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting to read the event store");
        }
        if (reader == null) {
            throw new StoreUnavailableException("Every reader of the event store " + directory + " was busy for "
                    + WAIT_SECONDS + " s");
        }
        try {
            return query.run(reader);
        } catch (SQLException e) {
            throw Failures.unavailable(directory, e, "the events could not be read");
        } finally {
            idle.add(reader);
        }
    }

    /** Takes every reader back (a read under way finishes first, for at most a few seconds), then closes them. */
    @Override
    public void close() {
        for (int i = 0; i < all.size(); i++) {
            try {
                if (idle.poll(WAIT_SECONDS, TimeUnit.SECONDS) == null) {
                    break; // a reader stuck on the disk: close the rest anyway
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Reader reader : all) {
            try {
                reader.connection.close();
            } catch (SQLException ignored) {
                // closing: nothing more will be read
            }
        }
    }
}
