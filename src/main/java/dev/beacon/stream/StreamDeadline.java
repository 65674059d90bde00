package dev.beacon.stream;

import dev.beacon.hub.SubscriberChannel;
import dev.beacon.hub.Subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Ends a subscription at an instant, the expiry of the token it was opened with: a clean end of the stream, after
 * which the client reconnects with a fresh token and resumes by {@code Last-Event-ID}. The timer goes when the stream
 * ends first, so nothing of a closed stream waits for the instant.
 */
public final class StreamDeadline implements SubscriberChannel {

    private final SubscriberChannel channel;
    private ScheduledFuture<?> timer;
    private boolean closed;

    private StreamDeadline(SubscriberChannel channel) {
        this.channel = channel;
    }

    /**
     * Subscribes the channel with {@code subscribe}; with an instant, the subscription is closed then.
     *
     * @param endsAt    when the stream ends, or null for never
     * @param scheduler where the timer runs
     */
    public static Subscription subscribe(Instant endsAt, ScheduledExecutorService scheduler,
                                         SubscriberChannel channel,
                                         Function<SubscriberChannel, Subscription> subscribe) {
        if (endsAt == null) {
            return subscribe.apply(channel);
        }
        StreamDeadline deadline = new StreamDeadline(channel);
        Subscription subscription = subscribe.apply(deadline);
        deadline.endAt(endsAt, scheduler, subscription);
        return subscription;
    }

    private synchronized void endAt(Instant endsAt, ScheduledExecutorService scheduler, Subscription subscription) {
        if (!closed) {
            long delay = Math.max(0, Duration.between(Instant.now(), endsAt).toMillis());
            timer = scheduler.schedule(subscription::close, delay, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public CompletionStage<?> write(List<byte[]> frames) {
        return channel.write(frames);
    }

    @Override
    public boolean nonBlocking() {
        return channel.nonBlocking();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (timer != null) {
                timer.cancel(false);
            }
        }
        channel.close();
    }
}
