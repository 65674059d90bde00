package dev.beacon.generator;

import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * A {@link Flow.Publisher} of events, run onto a stream: one event is requested at a time, the next only once the
 * previous is written, so a fast publisher never outruns its client and no thread waits. The stream's end cancels the
 * subscription, which is how the publisher learns that its client has gone.
 */
final class FlowGenerator implements Flow.Subscriber<GeneratorEvent> {

    private final GeneratorStream stream;
    private final Executor executor;
    private volatile Flow.Subscription subscription;

    FlowGenerator(GeneratorStream stream, Executor executor) {
        this.stream = stream;
        this.executor = executor;
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        subscription = given;
        stream.onStop(given::cancel);
        given.request(1);
    }

    @Override
    public void onNext(GeneratorEvent event) {
        try {
            stream.emit(event).thenRunAsync(() -> subscription.request(1), executor);
        } catch (RuntimeException e) {
            stream.fail(e);
        }
    }

    @Override
    public void onError(Throwable failure) {
        stream.fail(failure);
    }

    @Override
    public void onComplete() {
        stream.finish();
    }
}
