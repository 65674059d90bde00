package dev.beacon.stream;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.HubEvent;
import dev.beacon.hub.Publisher;
import dev.beacon.server.EmbeddedServer;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.TestServer;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client resumes while two publishers keep publishing to its two topics: it must get every event after its
 * Last-Event-ID exactly once, in strictly increasing id order, across the replay/live boundary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReplayUnderLoadContract {

    /** {@code direct} or {@code portable}: see {@link dev.beacon.server.EmbeddedServer#TRANSPORT}. */
    abstract String transport();

    /** Settings of the store, as key, value pairs; none for the memory store, the default. */
    String[] storeSettings() {
        return new String[0];
    }

    private static final int BEFORE = 400;
    private static final int DURING = 400;
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(ResumeContract.with(storeSettings(), EmbeddedServer.TRANSPORT, transport()));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void resumingWhilePublishersPublishLosesAndDoublesNothing() throws Exception {
        Publisher publisher = server.bean(Publisher.class);
        String resumeFrom = publisher.publish("load-a", "start").idText();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < BEFORE; i++) {
            expected.add(publisher.publish(i % 2 == 0 ? "load-a" : "load-b", "before " + i).id());
        }
        ExecutorService publishers = Executors.newFixedThreadPool(2);
        try (EventRecorder events = EventRecorder.open(server.api("streams?topic=load-a&topic=load-b"),
                resumeFrom)) {
            CompletableFuture<List<Long>> a = CompletableFuture.supplyAsync(() -> publish(publisher, "load-a"),
                    publishers);
            CompletableFuture<List<Long>> b = CompletableFuture.supplyAsync(() -> publish(publisher, "load-b"),
                    publishers);
            expected.addAll(a.get(30, TimeUnit.SECONDS));
            expected.addAll(b.get(30, TimeUnit.SECONDS));
            expected.sort(Long::compare);

            List<Long> received = new ArrayList<>();
            for (InboundSseEvent event : events.next(expected.size())) {
                received.add(Long.parseLong(event.getId()));
            }
            for (int i = 1; i < received.size(); i++) {
                assertTrue(received.get(i) > received.get(i - 1), "ids strictly increase at " + i);
            }
            assertEquals(expected, received, "every event after the Last-Event-ID, once");
            events.assertExhausted();
        } finally {
            publishers.shutdownNow();
        }
    }

    private static List<Long> publish(Publisher publisher, String topic) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < DURING; i++) {
            HubEvent event = publisher.publish(topic, "during " + i);
            ids.add(event.id());
        }
        return ids;
    }
}
