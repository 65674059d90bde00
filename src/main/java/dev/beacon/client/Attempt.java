package dev.beacon.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * One connection of a subscription. A 200 {@code text/event-stream} answer is read here, chunk by chunk, through the
 * subscription's parser, asking for the next chunk only once the listener has had the last (so a slow listener holds
 * back its own stream). Any other answer is read as text for its problem detail. A watchdog aborts the attempt when
 * it has waited longer than the idle timeout for a chunk (or for the answer): heartbeats stopped, the peer is gone.
 */
final class Attempt implements Flow.Subscriber<List<ByteBuffer>>, HttpResponse.BodySubscriber<String> {

    /** Why an attempt was given up: the stream was silent. */
    static final class SilentException extends IOException {
        private static final long serialVersionUID = 1L;

        SilentException(Duration idle) {
            super("No bytes for " + idle.toMillis() + " ms (heartbeats stopped); reconnecting");
        }
    }

    private final LiveStream stream;
    private final SseParser parser;
    private final Duration idleTimeout;
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private volatile Flow.Subscription upstream;
    private volatile long waitingSince = System.nanoTime();
    private volatile boolean waiting = true;
    private volatile CompletableFuture<?> exchange;
    private volatile IOException aborted;

    Attempt(LiveStream stream, SseParser parser, Duration idleTimeout) {
        this.stream = stream;
        this.parser = parser;
        this.idleTimeout = idleTimeout;
    }

    /** Picks how to read the answer once its status and headers are in. */
    HttpResponse.BodySubscriber<String> handle(HttpResponse.ResponseInfo info) {
        boolean events = info.statusCode() == 200 && info.headers().firstValue("Content-Type")
                .map(type -> type.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream")).orElse(false);
        if (events) {
            return this;
        }
        waiting = false; // the rest is a short error body, bounded by the request's own timeout
        return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
    }

    /** The exchange this attempt reads; the watchdog cancels it when nothing arrives. */
    void watch(CompletableFuture<?> sent) {
        this.exchange = sent;
        schedule(idleTimeout);
    }

    private void schedule(Duration after) {
        CompletableFuture.delayedExecutor(Math.max(1, after.toMillis()), TimeUnit.MILLISECONDS).execute(this::check);
    }

    private void check() {
        if (exchange.isDone() && body.isDone()) {
            return;
        }
        long silent = System.nanoTime() - waitingSince;
        if (waiting && silent >= idleTimeout.toNanos()) {
            abort(new SilentException(idleTimeout));
        } else {
            schedule(waiting ? idleTimeout.minusNanos(silent) : idleTimeout);
        }
    }

    /** Ends this attempt from outside (silence, or the subscription's close); the exchange then completes. */
    void abort(IOException why) {
        aborted = why;
        Flow.Subscription subscription = upstream;
        if (subscription != null) {
            subscription.cancel();
        }
        body.completeExceptionally(why);
        CompletableFuture<?> sent = exchange;
        if (sent != null) {
            sent.cancel(true); // before the answer came: aborts the exchange (its future then reports cancellation)
        }
    }

    /** Why this attempt was aborted, or null when it ended by itself. */
    IOException aborted() {
        return aborted;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        upstream = subscription;
        stream.opened(this);
        more();
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        waiting = false;
        if (body.isDone()) {
            return; // aborted: whatever was in flight is dropped, the next attempt resumes by id
        }
        if (stream.feed(this, parser, chunk)) {
            stream.pace(this::more);
        }
    }

    private void more() {
        Flow.Subscription subscription = upstream;
        if (subscription != null && !body.isDone()) {
            waitingSince = System.nanoTime();
            waiting = true;
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(null);
    }

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }
}
