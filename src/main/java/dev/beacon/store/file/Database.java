package dev.beacon.store.file;

import dev.beacon.store.StoreOpenException;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;

/**
 * The store's SQLite file: opening connections, and telling a Beacon store of this format from anything else before a
 * byte of it is changed. {@code PRAGMA application_id} marks the file as Beacon's, {@code user_version} is the format.
 *
 * <p>Tables: {@code events} (one row per event; the frame is rebuilt from its fields when read; timestamps never
 * decrease with the id, so the oldest events are the lowest ids and need no index of their own), {@code topics} (a
 * small id per topic name, and the newest id retention dropped from it), {@code meta} ({@code floor}, {@code head}
 * as of the last deletion or start, {@code pruned}) and {@code restarts} (the ids each restart skipped, which no client
 * can hold from this store).
 */
final class Database {

    static final String FILE = "beacon.db";
    /** "BCN1" in the file's header: this file is a Beacon store. */
    static final int APPLICATION_ID = 0x42434E31;
    static final int FORMAT = 1;
    private static final String[] SCHEMA = {
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE TABLE topics(tid INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, dropped INTEGER NOT NULL)",
        "CREATE TABLE events(id INTEGER PRIMARY KEY, tid INTEGER NOT NULL, ts INTEGER NOT NULL, name TEXT,"
                + " data TEXT NOT NULL, retry INTEGER)",
        "CREATE INDEX events_by_topic ON events(tid, id)",
        "CREATE TABLE restarts(after INTEGER PRIMARY KEY, resumed INTEGER NOT NULL)",
    };

    private Database() {
    }

    /**
     * The one connection that writes: the file is checked (or created, with {@code floor} as its first position)
     * before WAL mode and the sync setting are applied.
     */
    static Connection openWriter(Path directory, FileStoreSettings settings, long floor) throws SQLException {
        Path file = directory.resolve(FILE);
        Connection connection = connection(file, false);
        try {
            check(connection, file, floor);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=" + settings.sync().name());
                // Checkpoints run on a connection of their own (Checkpoints), never in a publisher's commit.
                statement.execute("PRAGMA wal_autocheckpoint=0");
                statement.execute("PRAGMA journal_size_limit=" + (8 * 1024 * 1024));
                if (settings.maxBytes() > 0) {
                    statement.execute("PRAGMA max_page_count=" + Math.max(16, settings.maxBytes() / pageSize(statement)));
                }
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A connection that only reads; WAL lets it read a committed snapshot while the writer writes. */
    static Connection openReader(Path directory) throws SQLException {
        Connection connection = connection(directory.resolve(FILE), true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only=true");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** A connection for checkpoints: it writes the database file, never a row. */
    static Connection openCheckpointer(Path directory) throws SQLException {
        return connection(directory.resolve(FILE), false);
    }

    /**
     * SQLite's driver registers itself with the JVM-wide {@link DriverManager} when it loads, though Beacon never asks
     * the manager for a connection. Deployed as a WAR, that registration would hold the application's class loader
     * after undeploy (app servers warn of the leak), so it is undone when the store closes. Beacon's own class path
     * (embedded, tests) shares the JVM's loader: nothing leaks there, and other code may use the registration.
     */
    static void releaseDriver() {
        ClassLoader ours = Database.class.getClassLoader();
        if (ours == ClassLoader.getSystemClassLoader()) {
            return;
        }
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException ignored) {
                    // it was not registered after all
                }
            }
        }
    }

    private static Connection connection(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        config.setReadOnly(readOnly);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    /** A new file gets the schema; an existing one must be a Beacon store of this format. */
    private static void check(Connection connection, Path file, long floor) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int application = pragma(statement, "application_id");
            int format = pragma(statement, "user_version");
            if (application == 0 && isEmpty(statement)) {
                create(statement, floor);
                return;
            }
            if (application != APPLICATION_ID) {
                throw new StoreOpenException(file + " is not a Beacon store (an SQLite database of another program)."
                        + " Point " + FileStoreSettings.PATH + " at another directory, or move that file away.");
            }
            if (format != FORMAT) {
                throw new StoreOpenException(file + " is a Beacon store of format " + format + "; this Beacon reads"
                        + " format " + FORMAT + ". Run the Beacon that wrote it, or move the directory away to start"
                        + " with an empty store.");
            }
            String integrity = quickCheck(statement);
            if (!integrity.equals("ok")) {
                throw Failures.corrupt(file, "SQLite's integrity check: " + integrity, null);
            }
        }
    }

    private static void create(Statement statement, long floor) throws SQLException {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("BEGIN IMMEDIATE");
        for (String table : SCHEMA) {
            statement.execute(table);
        }
        statement.execute("INSERT INTO meta VALUES ('floor', " + floor + "), ('head', " + floor + "), ('pruned', "
                + floor + ")");
        statement.execute("PRAGMA application_id=" + APPLICATION_ID);
        statement.execute("PRAGMA user_version=" + FORMAT);
        statement.execute("COMMIT");
    }

    private static boolean isEmpty(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rows.next() && rows.getInt(1) == 0;
        }
    }

    /** SQLite's structural check of every page: a damaged file is refused at start, not found out by a reader. */
    private static String quickCheck(Statement statement) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rows = statement.executeQuery("PRAGMA quick_check(3)")) {
            while (rows.next()) {
                out.append(out.length() == 0 ? "" : "; ").append(rows.getString(1));
            }
        }
        return out.toString();
    }

    private static int pragma(Statement statement, String name) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static long pageSize(Statement statement) throws SQLException {
        return pragma(statement, "page_size");
    }
}
