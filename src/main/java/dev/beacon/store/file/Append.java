package dev.beacon.store.file;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.SseFrames;
import dev.beacon.hub.StoreUnavailableException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One publish waiting for its commit. The committer claims it before writing it and a publisher that gives up
 * abandons it first, so a publish the publisher was told failed is written only if the committer had already taken it
 * (then the answer says so).
 */
final class Append {

    private static final int WAITING = 0;
    private static final int TAKEN = 1;
    private static final int ABANDONED = 2;

    final String topic;
    final String name;
    final String data;
    final long retry;
    private final byte[] body;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private final CompletableFuture<HubEvent> result = new CompletableFuture<>();

    Append(String topic, String name, String data, long retry, byte[] body) {
        this.topic = topic;
        this.name = name;
        this.data = data;
        this.retry = retry;
        this.body = body;
    }

    /** The committer takes it; false if its publisher has already given up. */
    boolean claim() {
        return state.compareAndSet(WAITING, TAKEN);
    }

    /** The event this publish becomes with the id the committer gave it. */
    HubEvent event(long id, long timestamp) {
        return new HubEvent(id, topic, name, data, retry, timestamp, SseFrames.event(id, topic, body));
    }

    void done(HubEvent event) {
        result.complete(event);
    }

    void fail(StoreUnavailableException failure) {
        result.completeExceptionally(failure);
    }

    /**
     * Waits for the commit, at most {@code timeout}: a disk that hangs must not hang publishers. An interrupt does
     * not cut the wait short (the event may be committing; the answer must say whether it was), it is kept for later.
     */
    HubEvent await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw (StoreUnavailableException) e.getCause();
                } catch (TimeoutException e) {
                    if (!result.isDone()) { // else it was answered just now: take that answer
                        throw timedOut(timeout);
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private StoreUnavailableException timedOut(Duration timeout) {
        if (state.compareAndSet(WAITING, ABANDONED)) {
            return new StoreUnavailableException("The event store did not take the event within " + timeout.toSeconds()
                    + " s (the disk may be stalled); nothing was published. Try again later.");
        }
        return new StoreUnavailableException("The event store did not confirm the event within " + timeout.toSeconds()
                + " s (the disk may be stalled); it may still be published.");
    }
}
