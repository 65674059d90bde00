package dev.beacon.counter;

import dev.beacon.problem.ProblemException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * What a client asked to count, within bounds.
 *
 * @param count    events to send, {@value #MAX_COUNT} at most
 * @param interval milliseconds between events, {@value #MAX_INTERVAL} at most
 * @param failAt   the value at which the generator fails on purpose (to show the {@code error} event), or -1
 * @param from     the first value to send: 0, or the one after the client's {@code Last-Event-ID}
 */
record CounterRequest(int count, long interval, int failAt, int from) {

    static final int MAX_COUNT = 10_000;
    static final int MAX_INTERVAL = 60_000;

    static CounterRequest parse(String count, String interval, String failAt, Long lastEventId) {
        int parsedCount = number("count", count, 10, 1, MAX_COUNT);
        int parsedInterval = number("interval", interval, 1000, 0, MAX_INTERVAL);
        int parsedFailAt = number("failAt", failAt, -1, 0, parsedCount - 1);
        int from = lastEventId == null ? 0 : (int) Math.min(lastEventId + 1, parsedCount);
        if (from >= parsedCount) {
            throw new WebApplicationException(Response.noContent().build());
        }
        return new CounterRequest(parsedCount, parsedInterval, parsedFailAt, from);
    }

    /** Fails on purpose at {@link #failAt}: the error path is part of what the counter demonstrates. */
    CounterTick tick(int value) {
        if (value == failAt) {
            throw new IllegalStateException("Counter failed at " + value + " as asked (failAt=" + failAt + ")");
        }
        return new CounterTick(value, count);
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the bounds
        }
        throw ProblemException.badRequest(name + " must be a whole number from " + min + " to " + max + ", got '"
                + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'");
    }
}
