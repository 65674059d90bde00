package dev.beacon.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A subscription's events as a {@link Flow.Subscription}: events of the chunk just read wait in a queue until they
 * are requested, and the next chunk is read only once that queue is empty and demand remains, so a subscriber that
 * requests one at a time holds at most one chunk. Signals to the subscriber are serialised by a work counter.
 */
final class FlowBridge implements Flow.Subscription, BeaconListener, LiveStream.Pacer {

    private final Flow.Subscriber<? super BeaconEvent> subscriber;
    private final Consumer<BeaconGap> onGap;
    private final Queue<BeaconEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger work = new AtomicInteger();
    private final AtomicReference<Runnable> readMore = new AtomicReference<>();
    private volatile BeaconSubscription stream;
    private volatile boolean ended;
    private volatile Throwable failure;
    private volatile boolean cancelled;
    private boolean signalledEnd;

    private FlowBridge(Flow.Subscriber<? super BeaconEvent> subscriber, Consumer<BeaconGap> onGap) {
        this.subscriber = subscriber;
        this.onGap = onGap;
    }

    static void start(Flow.Subscriber<? super BeaconEvent> subscriber, Consumer<BeaconGap> onGap,
                      BiFunction<BeaconListener, LiveStream.Pacer, BeaconSubscription> open) {
        FlowBridge bridge = new FlowBridge(subscriber, onGap);
        subscriber.onSubscribe(bridge);
        if (!bridge.cancelled) {
            bridge.stream = open.apply(bridge, bridge);
            if (bridge.cancelled) {
                bridge.stream.close();
            }
        }
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            failure = new IllegalArgumentException("Flow rule 3.9: request(" + n + ") must ask for a positive "
                    + "number");
            ended = true;
            close();
        } else {
            demand.getAndAccumulate(n, (now, more) -> now + more < 0 ? Long.MAX_VALUE : now + more);
        }
        drain();
    }

    @Override
    public void cancel() {
        cancelled = true;
        close();
    }

    private void close() {
        BeaconSubscription open = stream;
        if (open != null) {
            open.close();
        }
    }

    @Override
    public void onEvent(BeaconEvent event) {
        queue.add(event);
    }

    @Override
    public void onGap(BeaconGap gap) {
        onGap.accept(gap);
    }

    @Override
    public void onClosed(BeaconException why) {
        if (failure == null) {
            failure = why;
        }
        ended = true;
        drain();
    }

    @Override
    public void next(Runnable more) {
        readMore.set(more);
        drain();
    }

    private void drain() {
        if (work.getAndIncrement() != 0) {
            return;
        }
        do {
            emit();
        } while (work.decrementAndGet() != 0);
    }

    private void emit() {
        while (!cancelled && demand.get() > 0 && !queue.isEmpty()) {
            demand.decrementAndGet();
            subscriber.onNext(queue.poll());
        }
        if (cancelled) {
            return;
        }
        if (ended && queue.isEmpty() && !signalledEnd) {
            signalledEnd = true;
            if (failure != null) {
                subscriber.onError(failure);
            } else {
                subscriber.onComplete();
            }
        } else if (!ended && queue.isEmpty() && demand.get() > 0) {
            Runnable more = readMore.getAndSet(null);
            if (more != null) {
                more.run();
            }
        }
    }
}
