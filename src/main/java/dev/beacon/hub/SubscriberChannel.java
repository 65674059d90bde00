package dev.beacon.hub;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A subscriber's connection, as the hub sees it. Transports implement it: the portable one over JAX-RS
 * {@code SseEventSink}, others straight onto a socket. The hub never has more than one write in flight per channel.
 */
public interface SubscriberChannel {

    /**
     * Writes the frames in order, each followed by the blank line that ends it, as one write where the transport can,
     * and flushes. The stage completes when the bytes are handed to the connection, or fails if they cannot be.
     */
    CompletionStage<?> write(List<byte[]> frames);

    /**
     * True when {@link #write} never blocks the calling thread (it queues, or asks to be told when the connection can
     * take more). The hub then drains many such subscribers on one thread, one after another.
     */
    default boolean nonBlocking() {
        return false;
    }

    /** Ends the stream. Called once, from any thread; must not block on a stalled client. */
    void close();
}
