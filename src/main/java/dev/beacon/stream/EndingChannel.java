package dev.beacon.stream;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.SubscriberChannel;
import dev.beacon.hub.Subscription;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * A channel that ends its subscription once the last event (the one {@code last} accepts) has been written: only
 * after the write completed, so closing can never cut that event short. The frame is recognised by identity: the
 * hub hands every subscriber the same bytes of an event.
 */
final class EndingChannel implements SubscriberChannel {

    private final SubscriberChannel channel;
    private final Predicate<HubEvent> last;
    private final CompletableFuture<Subscription> subscription = new CompletableFuture<>();
    private volatile byte[] lastFrame;

    EndingChannel(SubscriberChannel channel, Predicate<HubEvent> last) {
        this.channel = channel;
        this.last = last;
    }

    /** The subscription's filter, watching for the last event as it lets events through. */
    Predicate<HubEvent> watching(Predicate<HubEvent> filter) {
        return event -> {
            boolean accepted = filter.test(event);
            if (accepted && last.test(event)) {
                lastFrame = event.frame();
            }
            return accepted;
        };
    }

    void subscribed(Subscription handle) {
        subscription.complete(handle);
    }

    @Override
    public CompletionStage<?> write(List<byte[]> frames) {
        return channel.write(frames).thenApply(result -> {
            if (containsLast(frames)) {
                subscription.thenAccept(Subscription::close);
            }
            return result;
        });
    }

    private boolean containsLast(List<byte[]> frames) {
        byte[] frame = lastFrame;
        if (frame != null) {
            for (byte[] written : frames) {
                if (written == frame) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        channel.close();
    }
}
