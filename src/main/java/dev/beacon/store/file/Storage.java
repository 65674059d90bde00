package dev.beacon.store.file;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.StoreUnavailableException;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The writer behind one lock, and the follower it feeds. Everything that changes the database passes here: commits
 * (then their events go to the follower in id order, then their publishers are answered), retention and removal.
 * A failure rolls back, reloads what did commit, and is reported; nothing of a failed transaction is ever fed.
 */
final class Storage {

    private static final System.Logger LOG = System.getLogger(Storage.class.getName());

    /** Replays committed events to a new follower, on the writer's connection. */
    interface Replay {
        void run(Connection connection, long after, Consumer<HubEvent> sink) throws SQLException;
    }

    private final Path directory;
    private final Writer writer;
    /** Fair, so a checkpoint that waits for it gets it after the commit under way, not after a stream of them. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private Consumer<HubEvent> sink = event -> { };
    private final AtomicLong committed = new AtomicLong();
    /** The last recovery failed too: memory may not match the database, so it is loaded again before any write. */
    private boolean stale;
    private boolean closed;

    Storage(Path directory, Writer writer) {
        this.directory = directory;
        this.writer = writer;
    }

    Writer writer() {
        return writer;
    }

    /** Writes a batch, feeds its events to the follower, then answers its publishers; or fails them all. */
    void commit(List<Append> batch) {
        List<HubEvent> events;
        lock.lock();
        try {
            if (closed) {
                throw new StoreUnavailableException("The event store is closed: Beacon is stopping");
            }
            if (stale) {
                writer.recover();
                stale = false;
            }
            events = writer.append(batch);
            committed.addAndGet(events.size());
            feed(events);
        } catch (SQLException | RuntimeException e) {
            StoreUnavailableException failure = Failures.unavailable(directory, e, "nothing was published");
            LOG.log(Level.WARNING, "{0} publishes failed: {1}", batch.size(), failure.getMessage());
            recover();
            batch.forEach(append -> append.fail(failure));
            return;
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < events.size(); i++) {
            batch.get(i).done(events.get(i));
        }
    }

    private void feed(List<HubEvent> events) {
        for (HubEvent event : events) {
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                // It is committed whatever the follower did with it; the follower's failure is a bug to report.
                LOG.log(Level.ERROR, "The store's follower failed on event " + event.id(), e);
            }
        }
    }

    /** Replays what is committed above {@code after}, then feeds {@code follower} every commit from now on. */
    void follow(long after, Consumer<HubEvent> follower, Replay replay) {
        lock.lock();
        try {
            if (after < writer.head()) {
                replay.run(writer.connection(), after, follower);
            }
            sink = follower;
        } catch (SQLException e) {
            throw Failures.unavailable(directory, e, "its events could not be read");
        } finally {
            lock.unlock();
        }
    }

    /** Events committed since the store opened. */
    long committed() {
        return committed.get();
    }

    /** Runs {@code action} while no commit is under way (a checkpoint that must catch up with the writer). */
    void paused(Runnable action) {
        lock.lock();
        try {
            if (!closed) {
                action.run();
            }
        } finally {
            lock.unlock();
        }
    }

    void remove(String topic) {
        write(() -> writer.remove(topic));
    }

    /** Expires in chunks, releasing the lock between them so publishes go on meanwhile. */
    void expire(long nowMillis) {
        boolean[] more = {true};
        while (more[0]) {
            more[0] = false; // a failed chunk ends this round; the next tick tries again
            write(() -> more[0] = writer.expireChunk(nowMillis));
        }
    }

    private interface Change {
        void run() throws SQLException;
    }

    private void write(Change change) {
        lock.lock();
        try {
            if (!closed) {
                change.run();
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Retention in the event store failed: {0}",
                    Failures.unavailable(directory, e, "retention will try again").getMessage());
            recover();
        } finally {
            lock.unlock();
        }
    }

    private void recover() {
        try {
            writer.recover();
        } catch (SQLException e) {
            stale = true;
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            writer.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Closing the event store failed: {0}", e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
