package dev.beacon.stream;

import dev.beacon.hub.Publisher;
import dev.beacon.server.EmbeddedServer;
import dev.beacon.testing.CuttingProxy;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.TestServer;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.sse.InboundSseEvent;
import jakarta.ws.rs.sse.SseEventSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17's scenario: the JAX-RS {@code SseEventSource} (reconnecting every 200 ms) through a proxy that cuts every
 * connection every 300 ms, while 300 events are published 30 ms apart, starting once the first connection (which had
 * no event yet) has been cut. Before streams opened with their position, the events published while that first
 * connection was down were lost, since the client had no id to resume from; now every one arrives, once, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FirstConnectionDropContract {

    private static final int EVENTS = 300;

    /** {@code direct} or {@code portable}: see {@link EmbeddedServer#TRANSPORT}. */
    abstract String transport();

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(EmbeddedServer.TRANSPORT, transport());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aJaxRsClientWhoseConnectionsAreCutMissesNothingNotEvenBeforeItsFirstEvent() throws Exception {
        BlockingQueue<InboundSseEvent> received = new LinkedBlockingQueue<>();
        Publisher publisher = server.bean(Publisher.class);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        Client client = ClientBuilder.newClient();
        // Nothing is cut until the first stream has opened with its position: Jersey's source gives up for good when
        // its very first connection fails, which on a busy machine can take longer than 300 ms to answer.
        try (CuttingProxy proxy = CuttingProxy.open(server.port(), Duration.ofSeconds(90));
             SseEventSource source = SseEventSource
                     .target(client.target("http://127.0.0.1:" + proxy.port() + "/api/streams/cut-" + transport()))
                     .reconnectingEvery(200, TimeUnit.MILLISECONDS).build()) {
            AtomicInteger positions = new AtomicInteger();
            source.register(event -> {
                if (EventRecorder.isPosition(event)) {
                    positions.incrementAndGet();
                } else if (event.getComment() == null) {
                    received.add(event);
                }
            });
            source.open();
            await("the first stream's position").atMost(Duration.ofSeconds(30)).until(() -> positions.get() >= 1);
            // Nothing is published until the first connection, which has had no event, has been cut: what the client
            // holds then is the position its stream opened with, and nothing else. From then on, a cut every 300 ms.
            proxy.cutEvery(Duration.ofMillis(300));
            await("the first cut").atMost(Duration.ofSeconds(20)).until(() -> proxy.cuts() >= 1);
            IntStream.range(0, EVENTS).forEach(i -> pacer.schedule(
                    () -> publisher.publish("cut-" + transport(), "s" + i), 30L * i, TimeUnit.MILLISECONDS));

            List<String> data = new ArrayList<>();
            while (data.size() < EVENTS) {
                InboundSseEvent event = received.poll(30, TimeUnit.SECONDS);
                assertNotNull(event, "no event within 30 s after " + data.size() + " of " + EVENTS
                        + " (connections cut: " + proxy.cuts() + "): " + data);
                data.add(event.readData());
            }
            assertEquals(IntStream.range(0, EVENTS).mapToObj(i -> "s" + i).toList(), data,
                    "every event once, in order");
            assertTrue(proxy.cuts() > 5, "the proxy did cut the connections: " + proxy.cuts());
            // What the README tells JAX-RS users: Jersey hands each stream's position to onEvent (an id, no name, no
            // data), where a browser only records it; either way it is the id sent on the next reconnect.
            assertTrue(positions.get() > 5, "one position per connection: " + positions.get());
        } finally {
            pacer.shutdownNow();
            client.close();
        }
    }
}
