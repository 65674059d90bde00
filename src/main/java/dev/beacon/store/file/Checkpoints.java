package dev.beacon.store.file;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Copies the write-ahead log into the database about once a second, on a connection of its own. SQLite would otherwise do
 * it inside whichever commit crosses its threshold, and that commit's publishers would wait for the copy and its
 * syncs. A passive checkpoint never blocks the writer or the readers; the writer restarts the log from its beginning
 * once a checkpoint has copied all of it, so the log stays small.
 *
 * <p>Under a steady stream of commits a passive checkpoint never catches up (frames arrive while it copies), and the
 * log would grow for as long as the stream lasts. So when the log is over {@value #LARGE_LOG} frames (about 4 MB)
 * and a checkpoint left any of it uncopied, the next runs with the writer paused ({@code pause}): it then copies
 * everything, and the writer's next commit starts the log again from its beginning. Publishes wait for that copy, at most once a second, and only while
 * the log grows faster than passive checkpoints drain it.
 */
final class Checkpoints implements AutoCloseable {

    static final int LARGE_LOG = 1_000;
    /** Events committed since the last checkpoint that bring the next one forward (before its second is up). */
    static final long EVENTS_PER_CHECKPOINT = 1_000;
    private static final long TICK_MILLIS = 200;
    private static final System.Logger LOG = System.getLogger(Checkpoints.class.getName());

    private final Connection connection;
    private final Executor work;
    private final Consumer<Runnable> pause;
    private final LongSupplier committed;
    private final AtomicBoolean running = new AtomicBoolean();
    private long committedAtLast;
    private long lastNanos = System.nanoTime();
    private ScheduledFuture<?> timer;

    private Checkpoints(Connection connection, Executor work, Consumer<Runnable> pause, LongSupplier committed) {
        this.connection = connection;
        this.work = work;
        this.pause = pause;
        this.committed = committed;
    }

    /**
     * {@code pause} runs what it is given while no commit is under way (under the writer's lock); {@code committed}
     * counts the events committed so far. A checkpoint runs once a second while anything is committed, sooner after
     * {@value #EVENTS_PER_CHECKPOINT} events, never while nothing was.
     */
    static Checkpoints start(Path directory, Executor work, ScheduledExecutorService scheduler,
                             Consumer<Runnable> pause, LongSupplier committed) throws SQLException {
        Checkpoints checkpoints = new Checkpoints(Database.openCheckpointer(directory), work, pause, committed);
        // The scheduler only times it: the copy and its syncs run on the work executor, never on the scheduler's thread.
        checkpoints.timer = scheduler.scheduleWithFixedDelay(checkpoints::schedule, TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS);
        return checkpoints;
    }

    private void schedule() {
        long now = committed.getAsLong();
        boolean due = now - committedAtLast >= EVENTS_PER_CHECKPOINT
                || now != committedAtLast && System.nanoTime() - lastNanos >= TimeUnit.SECONDS.toNanos(1);
        if (due && running.compareAndSet(false, true)) {
            committedAtLast = now;
            lastNanos = System.nanoTime();
            try {
                work.execute(this::checkpoint);
            } catch (RejectedExecutionException e) {
                running.set(false); // stopping
            }
        }
    }

    /** Copies what it can alongside the writer; if the log is large, copies the rest with the writer paused. */
    private void checkpoint() {
        try {
            if (passive()) {
                pause.accept(this::passive);
            }
        } finally {
            running.set(false);
        }
    }

    /** A passive checkpoint; answers whether the log is large (then it must be caught up with the writer paused). */
    private boolean passive() {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            // One row: busy, frames in the log, frames copied (of those it found). The writer starts the log again only
            // if, when it begins a commit, all of it has been copied; a log this large says commits keep outrunning it.
            return result.next() && result.getInt(2) > LARGE_LOG;
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "Checkpoint failed; the next one tries again: {0}", e.getMessage());
            return false;
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
