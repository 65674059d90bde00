package dev.beacon.store.file;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Which ids are positions of this store. Ids begin at the store's creation time in microseconds ({@link #floor}) and
 * count up; at each start the next id jumps to the start time in microseconds if that is higher, so ids stay above
 * those a memory store would give out meanwhile. The ids a jump skips were never given out here: a client holding
 * one got it from another run (a memory store's, say), and is answered as unknown rather than misplaced.
 */
final class Positions {

    final long floor;
    /** Topics without a row here may have lost events up to this id (their rows were pruned once empty). */
    volatile long pruned;
    /** Skipped ranges: ids strictly between a key and its value were never given out. */
    private final NavigableMap<Long, Long> skipped = new ConcurrentSkipListMap<>();

    private Positions(long floor, long pruned) {
        this.floor = floor;
        this.pruned = pruned;
    }

    static Positions load(Connection connection) throws SQLException {
        Positions positions = new Positions(meta(connection, "floor"), meta(connection, "pruned"));
        try (PreparedStatement all = connection.prepareStatement("SELECT after, resumed FROM restarts");
             ResultSet rows = all.executeQuery()) {
            while (rows.next()) {
                positions.skipped.put(rows.getLong(1), rows.getLong(2));
            }
        }
        return positions;
    }

    static long meta(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("The store has no '" + key + "' in its meta table");
                }
                return rows.getLong(1);
            }
        }
    }

    /** The ids between {@code after} and {@code resumed} are skipped; recorded in the writer's transaction. */
    void skip(Connection connection, long after, long resumed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO restarts VALUES (?, ?)")) {
            insert.setLong(1, after);
            insert.setLong(2, resumed);
            insert.executeUpdate();
        }
        skipped.put(after, resumed);
    }

    /** True for the floor and every id given out up to {@code head}; false for skipped ids and any other. */
    boolean isPosition(long id, long head) {
        if (id < floor || id > head) {
            return false;
        }
        Map.Entry<Long, Long> jump = skipped.lowerEntry(id);
        return jump == null || id >= jump.getValue();
    }
}
