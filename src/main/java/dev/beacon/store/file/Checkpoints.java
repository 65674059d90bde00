package dev.beacon.store.file;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Copies the write-ahead log into the database once a second, on a connection of its own. SQLite would otherwise do
 * it inside whichever commit crosses its threshold, and that commit's publishers would wait for the copy and its
 * syncs. A passive checkpoint never blocks the writer or the readers; the writer restarts the log from its beginning
 * once a checkpoint has copied all of it, so the log stays small.
 */
final class Checkpoints implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Checkpoints.class.getName());

    private final Connection connection;
    private final Executor work;
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledFuture<?> timer;

    private Checkpoints(Connection connection, Executor work) {
        this.connection = connection;
        this.work = work;
    }

    static Checkpoints start(Path directory, Executor work, ScheduledExecutorService scheduler) throws SQLException {
        Checkpoints checkpoints = new Checkpoints(Database.openCheckpointer(directory), work);
        // The scheduler only times it: the copy and its syncs run on the work executor, never on the scheduler's thread.
        checkpoints.timer = scheduler.scheduleWithFixedDelay(checkpoints::schedule, 1, 1, TimeUnit.SECONDS);
        return checkpoints;
    }

    private void schedule() {
        if (running.compareAndSet(false, true)) {
            try {
                work.execute(this::checkpoint);
            } catch (RejectedExecutionException e) {
                running.set(false); // stopping
            }
        }
    }

    private void checkpoint() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "Checkpoint failed; the next one tries again: {0}", e.getMessage());
        } finally {
            running.set(false);
        }
    }

    @Override
    public void close() {
        timer.cancel(false);
        while (!running.compareAndSet(false, true)) {
            LockSupport.parkNanos(1_000_000); // a checkpoint under way finishes first
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "Closing the checkpoint connection failed: {0}", e.getMessage());
        }
    }
}
