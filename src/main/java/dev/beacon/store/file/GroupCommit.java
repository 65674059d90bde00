package dev.beacon.store.file;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.StoreUnavailableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Group commit: publishers queue their events and wait; one committer at a time takes everything queued, writes it
 * in one transaction and answers them all. While a commit is under way the next publishers queue up, so under load
 * many events share one commit (and one sync) and nobody waits for more than the commit before theirs.
 *
 * <p>The committer is a task on Beacon's work executor, started when the queue goes from empty to not empty, so no
 * thread is held while nobody publishes. If the executor refuses (it is stopping), the publisher commits itself.
 */
final class GroupCommit {

    /** More than this in one transaction would only make the publishers at the front wait longer. */
    static final int MAX_BATCH = 1024;
    /** Publishes that may wait at once; beyond this the store is falling behind, and says so at once. */
    static final int MAX_QUEUED = 20_000;

    private final Queue<Append> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean committing = new AtomicBoolean();
    private final Executor executor;
    private final Consumer<List<Append>> commit;
    private final Duration timeout;
    private volatile boolean closed;

    /** {@code commit} writes a batch and answers each of its appends, successfully or not. */
    GroupCommit(Executor executor, Consumer<List<Append>> commit, Duration timeout) {
        this.executor = executor;
        this.commit = commit;
        this.timeout = timeout;
    }

    /** Queues the publish and waits for its commit. */
    HubEvent append(Append append) {
        if (closed) {
            throw new StoreUnavailableException("The event store is closed: Beacon is stopping");
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            throw new StoreUnavailableException("The event store is behind: " + MAX_QUEUED
                    + " publishes are waiting for the disk. Try again later.");
        }
        queue.add(append);
        start();
        return append.await(timeout);
    }

    private void start() {
        if (!committing.compareAndSet(false, true)) {
            return; // the running committer will find it
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            drain();
        }
    }

    /** Commits until the queue is empty; gives the role up so that exactly one committer runs at a time. */
    private void drain() {
        do {
            try {
                for (List<Append> batch = take(); !batch.isEmpty(); batch = take()) {
                    commit.accept(batch);
                }
            } finally {
                committing.set(false);
            }
            // An append queued after the last take but before the flag was cleared found the flag still set.
        } while (!queue.isEmpty() && committing.compareAndSet(false, true));
    }

    private List<Append> take() {
        List<Append> batch = new ArrayList<>(Math.min(queued.get(), MAX_BATCH));
        Append next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            queued.decrementAndGet();
            if (next.claim()) {
                batch.add(next);
            }
        }
        return batch;
    }

    /** Refuses new publishes, then commits what is queued, on this thread, once the running committer is done. */
    void close() {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!committing.compareAndSet(false, true)) {
            if (System.nanoTime() > deadline) {
                return; // the committer is stuck on the disk; its publishers time out on their own
            }
            LockSupport.parkNanos(1_000_000);
        }
        drain();
    }
}
