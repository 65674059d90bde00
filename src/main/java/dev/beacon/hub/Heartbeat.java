package dev.beacon.hub;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The comment written to an idle subscriber on every hub tick. Proxies keep the connection open for it, and a write
 * that fails is how a client that left without a word is found (https://html.spec.whatwg.org/multipage/
 * server-sent-events.html#authoring-notes).
 */
final class Heartbeat {

    private final Subscribers subscribers;
    private final Delivery delivery;
    private final LongAdder failures = new LongAdder();

    Heartbeat(Subscribers subscribers, Delivery delivery) {
        this.subscribers = subscribers;
        this.delivery = delivery;
    }

    /** One beat to every idle subscriber. */
    void beatAll() {
        subscribers.forEach(this::beat);
    }

    private void beat(Subscriber s) {
        if (!s.claim()) {
            return; // a write is in flight: that is activity enough
        }
        if (!s.started) {
            // Subscribed a moment ago, its opening not yet drained: that comes first, and is activity enough. Giving
            // the claim back lets the drain that found it taken run now.
            delivery.finish(s);
            return;
        }
        try {
            s.channel.write(List.of(SseFrames.HEARTBEAT)).whenComplete((ignored, failure) -> {
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
        subscribers.failed(s, failure);
    }

    long failures() {
        return failures.sum();
    }
}
