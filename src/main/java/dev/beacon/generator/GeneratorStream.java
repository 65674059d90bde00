package dev.beacon.generator;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.Names;
import dev.beacon.hub.SseFrames;
import dev.beacon.hub.SubscriberChannel;
import jakarta.json.Json;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One client's generated stream: its writes, one at a time and in order, on the delivery executor; its heartbeat;
 * and its end, which runs every clean-up once, whichever comes first of the generator's end, a failure, or a failed
 * write (the client has gone).
 */
final class GeneratorStream {

    private static final System.Logger LOG = System.getLogger(GeneratorStream.class.getName());

    private final SubscriberChannel channel;
    private final Executor writer;
    private final Function<Object, String> toText;
    private final Queue<Runnable> cleanups = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    GeneratorStream(SubscriberChannel channel, Executor writer, Function<Object, String> toText) {
        this.channel = channel;
        this.writer = writer;
        this.toText = toText;
    }

    void open() {
        write(SseFrames.OPENING);
    }

    boolean isOpen() {
        return !stopped.get();
    }

    /** Frames and writes the event; the stage fails when the event is invalid or the client has gone. */
    CompletableFuture<Void> emit(GeneratorEvent event) {
        byte[] body = SseFrames.body(Names.event(event.name()), toText.apply(event.data()), HubEvent.NO_RETRY);
        return write(event.id() == null ? body : SseFrames.withId(event.id(), body));
    }

    /** A comment on an idle stream: how a client that left is found when the generator is waiting. */
    void heartbeat() {
        boolean idle;
        synchronized (this) {
            idle = tail.isDone();
        }
        if (idle) {
            write(SseFrames.HEARTBEAT);
        }
    }

    /** The generator failed: the client gets an {@code error} event with a message (never a stack trace), then the end. */
    void fail(Throwable failure) {
        if (!isOpen()) {
            return;
        }
        LOG.log(Level.WARNING, "A generator failed; its stream ends with an error event", failure);
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        String data = Json.createObjectBuilder().add("message", message).build().toString();
        write(SseFrames.body(Names.ERROR_EVENT, data, HubEvent.NO_RETRY));
        finish();
    }

    /** A clean end: once every event so far is written, the stream is closed. */
    void finish() {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = tail;
        }
        last.whenComplete((ignored, failure) -> stop());
    }

    /** Runs the clean-up when the stream ends, or now if it has already ended. */
    void onStop(Runnable cleanup) {
        cleanups.add(cleanup);
        if (!isOpen()) {
            runCleanups();
        }
    }

    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        runCleanups();
        try {
            channel.close();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Closing a generator's stream failed", e);
        }
    }

    private void runCleanups() {
        Runnable cleanup;
        while ((cleanup = cleanups.poll()) != null) {
            try {
                cleanup.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A generator's clean-up failed", e);
            }
        }
    }

    private synchronized CompletableFuture<Void> write(byte[] frame) {
        CompletableFuture<Void> next = tail.thenComposeAsync(
                ignored -> channel.write(List.of(frame)).thenRun(() -> { }).toCompletableFuture(), writer);
        next.whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.log(Level.DEBUG, "A generator's client has gone: {0}", String.valueOf(failure));
                stop();
            }
        });
        tail = next;
        return next;
    }
}
