package dev.beacon.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A listener whose calls go into a queue; tests take them in order with a timeout. */
final class Recorder implements BeaconListener {

    static final long TIMEOUT_SECONDS = 10;

    /** One listener call: its kind ({@code event}, {@code gap}, {@code position}, {@code open}, {@code reconnecting},
     * {@code closed}) and what came with it. */
    record Call(String kind, Object value, Duration delay) {
    }

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(BeaconEvent event) {
        calls.add(new Call("event", event, null));
    }

    @Override
    public void onGap(BeaconGap gap) {
        calls.add(new Call("gap", gap, null));
    }

    @Override
    public void onPosition(String lastEventId) {
        calls.add(new Call("position", lastEventId, null));
    }

    @Override
    public void onOpen() {
        calls.add(new Call("open", null, null));
    }

    @Override
    public void onReconnecting(Throwable cause, Duration delay) {
        calls.add(new Call("reconnecting", cause, delay));
    }

    @Override
    public void onClosed(BeaconException failure) {
        calls.add(new Call("closed", failure, null));
    }

    /** The next call, whatever it is. */
    Call next() {
        try {
            Call call = calls.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (call == null) {
                fail("No listener call within " + TIMEOUT_SECONDS + " s");
            }
            return call;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next call of this kind; calls of the kinds in {@code skip} before it are passed over. */
    Call next(String kind, String... skip) {
        while (true) {
            Call call = next();
            if (call.kind.equals(kind)) {
                return call;
            }
            if (!List.of(skip).contains(call.kind)) {
                fail("Expected " + kind + ", got " + call);
            }
        }
    }

    /** The next event, passing over connection reports (opens and reconnects). */
    BeaconEvent event() {
        return (BeaconEvent) next("event", "open", "reconnecting", "position").value();
    }

    List<BeaconEvent> events(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> event()).collect(Collectors.toList());
    }

    void opened() {
        next("open", "position");
    }

    BeaconException closed() {
        return (BeaconException) next("closed", "position", "open", "event").value();
    }

    /** Nothing more arrives within {@code wait}: a bounded check that something did not happen. */
    void assertQuietFor(Duration wait) {
        try {
            Call call = calls.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(null, call, "expected no further listener call");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every call that comes within {@code window}: to check that no event follows the last expected one. */
    List<Call> callsWithin(Duration window) {
        List<Call> seen = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        try {
            for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                Call call = calls.poll(left, TimeUnit.NANOSECONDS);
                if (call != null) {
                    seen.add(call);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return seen;
    }

    static void assertEvent(BeaconEvent event, String id, String topic, String name, String data) {
        assertNotNull(event);
        assertEquals(new BeaconEvent(id, topic, name, data), event);
        assertTrue(id == null || !id.isEmpty());
    }
}
