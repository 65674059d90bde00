package dev.beacon.stream;

import dev.beacon.hub.SubscriberChannel;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The portable transport: a JAX-RS {@link SseEventSink}. All pending frames of a subscriber go out as one
 * {@link FramedEvent}, so a subscriber that is behind gets one write and one flush, not one per event. Public for the
 * generator streams, which write their own frames to a sink.
 */
public final class SinkChannel implements SubscriberChannel {

    private final SseEventSink sink;

    public SinkChannel(SseEventSink sink) {
        this.sink = sink;
    }

    @Override
    public CompletionStage<?> write(List<byte[]> frames) {
        try {
            // Some implementations report a failed write as a normally completed stage holding the exception.
            return sink.send(new FramedEvent(frames)).thenApply(result -> {
                if (result instanceof Throwable failure) {
                    throw new CompletionException(failure);
                }
                return result;
            });
        } catch (RuntimeException closed) {
            return CompletableFuture.failedFuture(closed);
        }
    }

    @Override
    public void close() {
        sink.close();
    }
}
