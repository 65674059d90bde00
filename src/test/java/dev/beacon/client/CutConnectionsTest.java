package dev.beacon.client;

import dev.beacon.config.BeaconConfig;
import dev.beacon.testing.CuttingProxy;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client through a proxy that cuts every connection every 250 ms (mid-event, mid-line, wherever the bytes are)
 * while two topics are published to: every event arrives exactly once, in the hub's order.
 */
class CutConnectionsTest {

    private static final int EVENTS = 400;
    private static final System.Logger LOG = System.getLogger(CutConnectionsTest.class.getName());
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(BeaconConfig.HEARTBEAT, "0.2");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyEventArrivesExactlyOnceInOrderWhileConnectionsAreCut()
            throws InterruptedException, ExecutionException, TimeoutException {
        BeaconClient direct = BeaconClient.builder(ClientTest.base(server)).token(TestServer.TOKEN).build();
        String start = direct.publish("cut-a", "before");
        List<BeaconEvent> published = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        Recorder recorder = new Recorder();
        try (CuttingProxy proxy = CuttingProxy.start(server.port(), Duration.ofMillis(250), Duration.ofSeconds(60));
             BeaconSubscription subscription = BeaconClient.builder(URI.create("http://127.0.0.1:" + proxy.port()))
                     .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(200))
                     .idleTimeout(Duration.ofSeconds(2)).build()
                     .stream("cut-a", "cut-b").from(start).subscribe(recorder)) {
            AtomicInteger count = new AtomicInteger();
            CompletableFuture<Void> allPublished = new CompletableFuture<>();
            publisher.scheduleAtFixedRate(() -> {
                int n = count.getAndIncrement();
                if (n < EVENTS) {
                    String topic = n % 3 == 0 ? "cut-b" : "cut-a";
                    String data = "event " + n + " \u00e9\u00e8 " + "x".repeat(n % 50);
                    published.add(new BeaconEvent(direct.publish(topic, OutgoingEvent.text("n", data)), topic,
                            "n", data));
                    if (n == EVENTS - 1) {
                        allPublished.complete(null);
                    }
                }
            }, 0, 10, TimeUnit.MILLISECONDS);

            List<BeaconEvent> received = new ArrayList<>();
            int reconnects = 0;
            while (received.size() < EVENTS) {
                Recorder.Call call = recorder.next();
                if (call.kind().equals("event")) {
                    received.add((BeaconEvent) call.value());
                } else if (call.kind().equals("reconnecting")) {
                    reconnects++;
                } else {
                    assertEquals("open", call.kind(), "only events, opens and reconnects: " + call);
                }
            }
            allPublished.get(Recorder.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals(-1, firstDifference(published, received), "every event once, in order; the first index "
                    + "where what arrived differs from what was published");
            assertTrue(proxy.cuts() >= 5 && reconnects >= 5, "the proxy cut " + proxy.cuts()
                    + " connections and the client reconnected " + reconnects + " times");
            assertEquals(published.get(EVENTS - 1).id(), subscription.lastEventId());
            LOG.log(System.Logger.Level.INFO, "{0} events arrived once each, in order, through {1} cut connections "
                    + "and {2} reconnects", EVENTS, proxy.cuts(), reconnects);
            List<Recorder.Call> after = recorder.callsWithin(Duration.ofMillis(600));
            assertTrue(after.stream().noneMatch(call -> call.kind().equals("event")),
                    "no event after the last one published, through further cuts: " + after);
        } finally {
            publisher.shutdownNow();
        }
    }

    private static int firstDifference(List<BeaconEvent> expected, List<BeaconEvent> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            if (i >= expected.size() || i >= actual.size() || !expected.get(i).equals(actual.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
