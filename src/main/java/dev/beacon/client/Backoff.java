package dev.beacon.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next connection attempt: the base (the server's {@code retry:} when it sent one, else
 * the configured initial delay) doubled per failed attempt up to the maximum, with "equal jitter" (half the delay
 * fixed, half random) so that clients dropped together do not come back together. A server's {@code retry:} above
 * the maximum is still honoured for the first attempt.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private int attempts;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(this.initialMillis, max.toMillis());
    }

    /** The delay before the next attempt, given the server's reconnection time (or -1 for none); counts the attempt. */
    Duration next(long serverRetryMillis) {
        long base = serverRetryMillis >= 0 ? serverRetryMillis : initialMillis;
        long ceiling = Math.max(base, maxMillis);
        long delay = base;
        for (int i = 0; i < attempts && delay < ceiling; i++) {
            delay = Math.min(ceiling, delay * 2);
        }
        attempts++;
        long half = delay / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(delay - half + 1));
    }

    /** A connection did its job (it delivered an event): the next failure starts from the base again. */
    void reset() {
        attempts = 0;
    }
}
