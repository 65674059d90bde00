package dev.beacon.stream;

import dev.beacon.hub.SubscriberChannel;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The portable transport: a JAX-RS {@link SseEventSink}. All pending event frames of a subscriber go out as one
 * {@link FramedEvent}, so a subscriber that is behind gets one write and one flush, not one per event; a comment
 * (the opening one, a heartbeat) goes out as an event of its own, which is what keeps the bytes exact on sinks that
 * encode events from their accessors (see {@link FramedEvent}). Public for the generator streams, which write their own frames to a sink.
 */
public final class SinkChannel implements SubscriberChannel {

    private static final System.Logger LOG = System.getLogger(SinkChannel.class.getName());

    private final SseEventSink sink;
    private final Executor closer;

    /** {@code closer}: where {@link #close()} runs the sink's own close (see there). */
    public SinkChannel(SseEventSink sink, Executor closer) {
        this.sink = sink;
        this.closer = closer;
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

    /**
     * Closes the sink on the executor, never on the caller's thread. RESTEasy's {@code close()} waits for a flush of
     * what is already written, which for a client that stopped reading lasts until the server's write timeout; and
     * it clears the RESTEasy request context of the thread it runs on, which on a publisher's request thread (a
     * subscriber dropped for being slow) would break that publish with a 500. The hub calls this from publishers,
     * the heartbeat tick and I/O completion callbacks, none of which may wait for a client.
     */
    @Override
    public void close() {
        try {
            closer.execute(this::closeNow);
        } catch (RejectedExecutionException shuttingDown) {
            closeNow();
        }
    }

    private void closeNow() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing an event sink failed", e);
        }
    }
}
