package dev.beacon.store.file;

import dev.beacon.hub.HubEvent;
import dev.beacon.store.DurableLog;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * History in an SQLite database in one directory: what {@code beacon.store=file} keeps, so a restart, a crash or a
 * deploy loses nothing that was acknowledged. Publishes are group-committed ({@link GroupCommit}); right after a batch
 * commits its events go to the follower (the memory ring in front, and through it the hub), then its publishers are
 * answered, so an acknowledged event is durable, readable and on its way to subscribers.
 *
 * <p>Only one process may open a directory ({@link StoreLock}); a store that cannot be opened stops the start with a
 * message naming the file and what to do ({@link dev.beacon.store.StoreOpenException}), never an empty store.
 */
public final class FileStore implements DurableLog {

    /** How long a publisher waits for its commit before it is answered 503. */
    static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);
    private static final int READERS = 4;
    private static final System.Logger LOG = System.getLogger(FileStore.class.getName());

    private final Path directory;
    private final StoreLock lock;
    private final Storage storage;
    private final Readers readers;
    private final Checkpoints checkpoints;
    private final GroupCommit commits;

    private FileStore(Path directory, StoreLock lock, Storage storage, Readers readers, Checkpoints checkpoints,
                      Executor work) {
        this.directory = directory;
        this.lock = lock;
        this.storage = storage;
        this.readers = readers;
        this.checkpoints = checkpoints;
        this.commits = new GroupCommit(work, storage::commit, COMMIT_TIMEOUT);
    }

    /**
     * Opens (or creates) the store in {@code settings.directory()}; commits run on {@code work}, checkpoints are timed
     * by {@code scheduler}.
     *
     * @throws dev.beacon.store.StoreOpenException when it cannot be opened; the message says why and what to do
     */
    public static FileStore open(FileStoreSettings settings, Executor work, ScheduledExecutorService scheduler,
                                 Clock clock) {
        Path directory = settings.directory().toAbsolutePath().normalize();
        StoreLock lock = StoreLock.acquire(directory);
        Connection connection = null;
        Readers readers = null;
        try {
            connection = Database.openWriter(directory, settings, clock.millis() * 1000);
            Writer writer = new Writer(connection, settings, clock);
            writer.start();
            readers = new Readers(directory, READERS);
            Storage storage = new Storage(directory, writer);
            Checkpoints checkpoints = Checkpoints.start(directory, work, scheduler, storage::paused,
                    storage::committed);
            LOG.log(Level.INFO, "History is kept in {0} (SQLite {1}, sync {2}): {3} events in {4} topics",
                    directory.resolve(Database.FILE), connection.getMetaData().getDatabaseProductVersion(),
                    settings.sync().name().toLowerCase(java.util.Locale.ROOT), writer.topics().all().stream()
                            .mapToLong(t -> t.count).sum(), writer.topics().all().size());
            return new FileStore(directory, lock, storage, readers, checkpoints, work);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(readers, connection);
            lock.close();
            throw Failures.open(directory, e);
        }
    }

    @Override
    public long floor() {
        return storage.writer().positions().floor;
    }

    @Override
    public long head() {
        return storage.writer().head();
    }

    @Override
    public boolean isPosition(long id) {
        return storage.writer().positions().isPosition(id, head());
    }

    @Override
    public HubEvent append(String topic, String name, String data, long retry, byte[] body) {
        return commits.append(new Append(topic, name, data, retry, body));
    }

    @Override
    public void follow(long after, Consumer<HubEvent> sink) {
        storage.follow(after, sink, this::replay);
    }

    /** Every event above {@code after}, in id order, from the writer's connection (the caller holds it). */
    private void replay(Connection connection, long after, Consumer<HubEvent> sink) throws SQLException {
        try (PreparedStatement all = connection.prepareStatement("SELECT e.id, e.ts, e.name, e.data, e.retry, t.name"
                + " FROM events e JOIN topics t ON t.tid = e.tid WHERE e.id > ? ORDER BY e.id")) {
            all.setLong(1, after);
            try (ResultSet rows = all.executeQuery()) {
                while (rows.next()) {
                    sink.accept(Readers.event(rows, rows.getString(6)));
                }
            }
        }
    }

    @Override
    public List<HubEvent> read(String topic, long after, long upTo, int limit) {
        Topics.Topic known = storage.writer().topics().get(topic);
        return known == null || upTo <= after ? List.of() : readers.read(known.tid, topic, after, upTo, limit);
    }

    @Override
    public boolean lostAfter(String topic, long after) {
        Topics.Topic known = storage.writer().topics().get(topic);
        if (known == null) {
            Positions positions = storage.writer().positions();
            return after < Math.max(positions.floor, positions.pruned);
        }
        return known.dropped > after;
    }

    @Override
    public Optional<HubEvent> find(String topic, long id) {
        Topics.Topic known = storage.writer().topics().get(topic);
        return known == null ? Optional.empty() : readers.find(known.tid, topic, id);
    }

    @Override
    public int size(String topic) {
        Topics.Topic known = storage.writer().topics().get(topic);
        return known == null ? 0 : Math.max(0, known.count);
    }

    @Override
    public Set<String> topics(String prefix) {
        Set<String> names = new TreeSet<>();
        for (Topics.Topic topic : storage.writer().topics().all()) {
            if (topic.name.startsWith(prefix) && topic.count > 0) {
                names.add(topic.name);
            }
        }
        return names;
    }

    @Override
    public void remove(String topic) {
        storage.remove(topic);
    }

    @Override
    public void expire(long nowMillis) {
        storage.expire(nowMillis);
    }

    /** Where the store lives (absolute). */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        commits.close();
        checkpoints.close();
        readers.close();
        storage.close();
        lock.close();
        Database.releaseDriver();
    }

    private static void closeQuietly(Readers readers, Connection connection) {
        if (readers != null) {
            readers.close();
        }
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // the store did not open; the first failure is the one reported
        }
    }
}
