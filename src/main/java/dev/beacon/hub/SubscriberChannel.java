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

    /** Ends the stream. Called once, from any thread; must not block on a stalled client. */
    void close();
}
