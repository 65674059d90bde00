package dev.beacon.stream;

import dev.beacon.hub.SubscriberChannel;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The portable transport: a JAX-RS {@link SseEventSink}. All pending event frames of a subscriber go out as one
 * {@link FramedEvent}, so a subscriber that is behind gets one write and one flush, not one per event; a comment
 * (the opening one, a heartbeat) goes out as an event of its own, which is what keeps the bytes exact on sinks that
 * encode events from their accessors (see {@link FramedEvent}).
 */
final class SinkChannel implements SubscriberChannel {

    private final SseEventSink sink;

    SinkChannel(SseEventSink sink) {
        this.sink = sink;
    }

    @Override
    public CompletionStage<?> write(List<byte[]> frames) {
        try {
            CompletableFuture<?> all = CompletableFuture.completedFuture(null);
            for (FramedEvent event : events(frames)) {
                all = CompletableFuture.allOf(all, send(event));
            }
            return all;
        } catch (RuntimeException closed) {
            return CompletableFuture.failedFuture(closed);
        }
    }

    /** Sends are queued by the sink in order; the stage fails if this one could not be written. */
    private CompletableFuture<?> send(FramedEvent event) {
        // Some implementations report a failed write as a normally completed stage holding the exception.
        return sink.send(event).thenApply(result -> {
            if (result instanceof Throwable failure) {
                throw new CompletionException(failure);
            }
            return result;
        }).toCompletableFuture();
    }

    /** Each comment frame on its own, each run of other frames together, in order. */
    static List<FramedEvent> events(List<byte[]> frames) {
        List<FramedEvent> events = new ArrayList<>();
        List<byte[]> run = new ArrayList<>();
        for (byte[] frame : frames) {
            if (FramedEvent.isComment(frame)) {
                if (!run.isEmpty()) {
                    events.add(new FramedEvent(run));
                    run = new ArrayList<>();
                }
                events.add(new FramedEvent(List.of(frame)));
            } else {
                run.add(frame);
            }
        }
        if (!run.isEmpty()) {
            events.add(new FramedEvent(run));
        }
        return events;
    }

    @Override
    public void close() {
        sink.close();
    }
}
