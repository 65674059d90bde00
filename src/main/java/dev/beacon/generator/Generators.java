package dev.beacon.generator;

import dev.beacon.concurrent.BeaconExecutors;
import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Publisher;
import dev.beacon.stream.SinkChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs generators onto event streams. Inject it in a resource and hand it the sink:
 *
 * <pre>{@code
 * @GET @Produces(MediaType.SERVER_SENT_EVENTS)
 * public void count(@Context SseEventSink sink) {
 *     generators.stream(sink, out -> { ... out.emit(GeneratorEvent.of("tick", n)); Thread.sleep(1000); ... });
 * }
 * }</pre>
 *
 * Every stream gets a heartbeat comment each {@code beacon.heartbeat}, so a client that left is noticed by the next
 * heartbeat at the latest; then the generator is stopped and its clean-up runs.
 */
@ApplicationScoped
public class Generators {

    private final AtomicInteger running = new AtomicInteger();

    @Inject
    BeaconExecutors executors;

    @Inject
    BeaconConfig config;

    @Inject
    Publisher publisher;

    /** Runs a blocking generator on a Beacon-owned thread. */
    public void stream(SseEventSink sink, BlockingGenerator generator) {
        GeneratorStream stream = open(sink);
        Future<?> task = executors.work().submit(() -> runBlocking(generator, stream));
        stream.onStop(() -> task.cancel(true));
    }

    /** Runs an asynchronous generator: no thread is held while it waits. */
    public void stream(SseEventSink sink, AsyncGenerator generator) {
        GeneratorStream stream = open(sink);
        stream.onStop(generator::close);
        executors.delivery().execute(() -> pump(generator, stream));
    }

    /**
     * Subscribes the stream to a {@link Flow.Publisher}: its items are the events, its completion the end, its error
     * the {@code error} event. When the client leaves, the subscription is cancelled.
     */
    public void subscribe(SseEventSink sink, Flow.Publisher<GeneratorEvent> publisher) {
        GeneratorStream stream = open(sink);
        try {
            publisher.subscribe(new FlowGenerator(stream, executors.delivery()));
        } catch (RuntimeException e) {
            stream.fail(e);
        }
    }

    /** A stage that completes after the delay, on Beacon's scheduler: the asynchronous model's {@code sleep}. */
    public CompletionStage<Void> delay(Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        executors.scheduler().schedule(() -> done.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    /** Generators running now, of both kinds. */
    public int running() {
        return running.get();
    }

    private GeneratorStream open(SseEventSink sink) {
        GeneratorStream stream = new GeneratorStream(new SinkChannel(sink, executors.delivery()), executors.delivery(), publisher::toText);
        running.incrementAndGet();
        stream.onStop(running::decrementAndGet);
        long period = config.heartbeat().toMillis();
        ScheduledFuture<?> heartbeat = executors.scheduler()
                .scheduleAtFixedRate(stream::heartbeat, period, period, TimeUnit.MILLISECONDS);
        stream.onStop(() -> heartbeat.cancel(false));
        stream.open();
        return stream;
    }

    private static void runBlocking(BlockingGenerator generator, GeneratorStream stream) {
        try {
            generator.generate(new StreamEmitter(stream));
            stream.finish();
        } catch (InterruptedException | GeneratorStoppedException e) {
            stream.stop(); // the client has gone: nothing to report
        } catch (Exception | LinkageError e) {
            stream.fail(e);
        }
    }

    private void pump(AsyncGenerator generator, GeneratorStream stream) {
        if (!stream.isOpen()) {
            return;
        }
        CompletionStage<Optional<GeneratorEvent>> next;
        try {
            next = generator.next();
        } catch (RuntimeException e) {
            stream.fail(e);
            return;
        }
        next.whenComplete((event, failure) -> {
            if (!stream.isOpen()) {
                return;
            }
            if (failure != null) {
                stream.fail(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else if (event == null || event.isEmpty()) {
                stream.finish();
            } else {
                emitThen(generator, stream, event.get());
            }
        });
    }

    private void emitThen(AsyncGenerator generator, GeneratorStream stream, GeneratorEvent event) {
        try {
            stream.emit(event).thenRunAsync(() -> pump(generator, stream), executors.delivery());
        } catch (RuntimeException e) {
            stream.fail(e);
        }
    }

    /** The blocking model's view of a stream. */
    private record StreamEmitter(GeneratorStream stream) implements Emitter {

        @Override
        public void emit(GeneratorEvent event) throws InterruptedException {
            if (!stream.isOpen()) {
                throw new GeneratorStoppedException(null);
            }
            try {
                stream.emit(event).get();
            } catch (ExecutionException e) {
                throw new GeneratorStoppedException(e.getCause());
            }
        }

        @Override
        public boolean isOpen() {
            return stream.isOpen();
        }
    }
}
