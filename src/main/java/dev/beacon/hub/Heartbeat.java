package dev.beacon.hub;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The comment written to an idle subscriber on every hub tick. Proxies keep the connection open for it, and a write
 * that fails is how a client that left without a word is found (https://html.spec.whatwg.org/multipage/
 * server-sent-events.html#authoring-notes).
 */
final class Heartbeat {

    private static final byte[] FRAME = SseFrames.comment("heartbeat");

    private final Hub hub;
    private final Delivery delivery;
    private final LongAdder failures = new LongAdder();

    Heartbeat(Hub hub, Delivery delivery) {
        this.hub = hub;
        this.delivery = delivery;
    }

    void beat(Subscriber s) {
        if (!s.state.compareAndSet(Subscriber.IDLE, Subscriber.BUSY)) {
            return; // a write is in flight: that is activity enough
        }
        try {
            s.channel.write(List.of(FRAME)).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    fail(s, failure);
                } else {
                    delivery.finish(s);
                }
            });
        } catch (RuntimeException e) {
            fail(s, e);
        }
    }

    private void fail(Subscriber s, Throwable failure) {
        failures.increment();
        hub.failed(s, failure);
    }

    long failures() {
        return failures.sum();
    }
}
