package dev.beacon.generator;

import dev.beacon.config.BeaconConfig;
import dev.beacon.stream.FramedEvent;
import dev.beacon.testing.TestServer;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@code Flow.Publisher} as a generator, run by the server's own {@link Generators} onto a sink that records what is
 * written (or fails, as a sink whose client has gone does).
 */
class FlowGeneratorTest {

    private static TestServer server;
    private static Generators generators;

    @BeforeAll
    static void start() {
        server = TestServer.start(BeaconConfig.HEARTBEAT, "0.1");
        generators = server.bean(Generators.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void writesEachItemThenEndsWhenThePublisherCompletes() {
        RecordingSink sink = new RecordingSink();
        try (SubmissionPublisher<GeneratorEvent> publisher = new SubmissionPublisher<>(Runnable::run, 4)) {
            generators.subscribe(sink, publisher);
            publisher.submit(GeneratorEvent.of("n", Map.of("n", 1)).withId(1));
            publisher.submit(GeneratorEvent.of(null, "two"));
        }
        await().atMost(Duration.ofSeconds(10)).until(sink.closed::get);
        assertEquals(": beacon stream open\n\nid: 1\nevent: n\ndata: {\"n\":1}\n\ndata: two\n\n",
                sink.written.toString().replace(": heartbeat\n\n", ""));
        await().atMost(Duration.ofSeconds(10)).until(() -> generators.running() == 0);
    }

    @Test
    void aFailingPublisherBecomesAnErrorEventThenTheEnd() {
        RecordingSink sink = new RecordingSink();
        SubmissionPublisher<GeneratorEvent> publisher = new SubmissionPublisher<>(Runnable::run, 4);
        generators.subscribe(sink, publisher);
        publisher.closeExceptionally(new IllegalStateException("sensor offline"));
        await().atMost(Duration.ofSeconds(10)).until(sink.closed::get);
        assertEquals(": beacon stream open\n\nevent: error\ndata: {\"message\":\"sensor offline\"}\n\n",
                sink.written.toString().replace(": heartbeat\n\n", ""));
    }

    @Test
    void cancelsTheSubscriptionWhenTheClientHasGone() {
        RecordingSink sink = new RecordingSink();
        SubmissionPublisher<GeneratorEvent> publisher = new SubmissionPublisher<>(Runnable::run, 4);
        generators.subscribe(sink, publisher);
        assertEquals(1, publisher.getNumberOfSubscribers());
        sink.gone.set(true); // the next write, a heartbeat at the latest, fails
        await("the publisher's subscription to be cancelled").atMost(Duration.ofSeconds(10))
                .until(() -> publisher.getNumberOfSubscribers() == 0 && generators.running() == 0);
        publisher.close();
    }

    /** A sink that keeps the bytes it is sent, as the transport would write them. */
    private static final class RecordingSink implements SseEventSink {

        final StringBuffer written = new StringBuffer();
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicBoolean gone = new AtomicBoolean();

        @Override
        public boolean isClosed() {
            return closed.get();
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (gone.get()) {
                return CompletableFuture.failedFuture(new java.io.IOException("Broken pipe"));
            }
            for (byte[] frame : ((FramedEvent) event).frames()) {
                written.append(new String(frame, StandardCharsets.UTF_8)).append("\n"); // the blank line after it
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
