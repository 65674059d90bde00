package dev.beacon.store.file;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.SseFrames;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** File stores opened directly, in a test's own directory, with a clock the test moves; closed by the test. */
final class StoreFixture implements AutoCloseable {

    final Path directory;
    final ManualClock clock = new ManualClock();
    private final ExecutorService work = Executors.newCachedThreadPool();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    StoreFixture(Path directory) {
        this.directory = directory;
    }

    FileStore open(int historySize) {
        return open(historySize, Duration.ofHours(1), 0);
    }

    FileStore open(int historySize, Duration age, long maxBytes) {
        return open(new FileStoreSettings(directory, FileStoreSettings.Sync.NORMAL, historySize, age, maxBytes));
    }

    FileStore open(FileStoreSettings settings) {
        return FileStore.open(settings, work, scheduler, clock);
    }

    static HubEvent append(FileStore store, String topic, String data) {
        return store.append(topic, null, data, HubEvent.NO_RETRY, SseFrames.body(null, data, HubEvent.NO_RETRY));
    }

    /** Rows the database file holds for a topic, read by SQLite itself rather than through the store. */
    long rowsOnDisk(String topic) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(Database.FILE));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM events e JOIN topics t ON t.tid = e.tid"
                     + " WHERE t.name = '" + topic + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() {
        work.shutdownNow();
        scheduler.shutdownNow();
    }

    /** A clock that moves only when told to, from a fixed start. */
    static final class ManualClock extends Clock {

        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-30T12:00:00Z").toEpochMilli());

        void advance(Duration by) {
            millis.addAndGet(by.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
