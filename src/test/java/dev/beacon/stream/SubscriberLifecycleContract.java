package dev.beacon.stream;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Publisher;
import dev.beacon.server.EmbeddedServer;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subscribers come and go: one that leaves is released by the next heartbeat at the latest, and one that stops
 * reading is dropped once its queue (8 events here) overflows, while a healthy one receives every event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SubscriberLifecycleContract {

    /** {@code direct} or {@code portable}: see {@link dev.beacon.server.EmbeddedServer#TRANSPORT}. */
    abstract String transport();

    private static final int EVENTS = 400;
    private TestServer server;
    private Http http;

    @BeforeAll
    void start() {
        server = TestServer.start(EmbeddedServer.TRANSPORT, transport(), BeaconConfig.HEARTBEAT, "0.2",
                BeaconConfig.SUBSCRIBER_QUEUE, "8",
                BeaconConfig.HISTORY_SIZE, "1000");
        http = new Http(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /**
     * The subscription is in place before the response head leaves, so an event published once the client has the
     * head reaches it. (Before the direct transport wrote the head first, CI once caught a publish that came between
     * the head and the subscription; the race is narrow, hence the repetitions.)
     */
    @Test
    void aClientThatHasTheResponseHeadIsSubscribed() {
        Publisher publisher = server.bean(Publisher.class);
        for (int i = 0; i < 50; i++) {
            try (RawSse stream = RawSse.get(server, "streams/first-contact")) {
                assertTrue(stream.head().startsWith("HTTP/1.1 200"), stream.head());
                long id = publisher.publish("first-contact", "n" + i).id();
                String body = RawSse.withoutHeartbeats(stream.readUntil("data: n" + i + "\n\n"));
                long position = RawSse.positionOf(body);
                assertTrue(position < id, "the stream opened at a position before the event: " + body);
                assertEquals(RawSse.opening(position) + "id: " + id + "\ntopic: first-contact\ndata: n" + i + "\n\n", body);
            }
        }
    }

    @Test
    void aClientThatLeavesIsReleased() {
        EventRecorder events = EventRecorder.open(server.api("streams/leaving"));
        http.published("leaving", null, "hello");
        events.next();
        assertEquals(1, stats("leaving").getInt("subscribers"));

        events.close();
        await("the subscriber to be released after its client left").atMost(Duration.ofSeconds(10))
                .until(() -> stats("leaving").getInt("subscribers") == 0);
        assertEquals(0, stats("leaving").getInt("droppedSlow"), "leaving is not being slow");
    }

    @Test
    void aStalledSubscriberIsDroppedWhileAHealthyOneReceivesEverything() {
        String big = "x".repeat(32 * 1024);
        try (RawSse stalled = RawSse.get(server, "streams/stall", 4096);
             EventRecorder healthy = EventRecorder.open(server.api("streams/stall"))) {
            stalled.head(); // connected and subscribed; from here on it never reads
            await().atMost(Duration.ofSeconds(10)).until(() -> stats("stall").getInt("subscribers") == 2);

            // Each event is published once the healthy subscriber has the previous one: it is never behind, while
            // the stalled one falls further behind with every event, past its socket, Grizzly's buffer and its queue.
            Publisher publisher = server.bean(Publisher.class);
            for (int i = 0; i < EVENTS; i++) {
                String id = publisher.publish("stall", "big", i + ":" + big).idText();
                InboundSseEvent received = healthy.next("big");
                assertEquals(id, received.getId());
                assertTrue(received.readData().startsWith(i + ":"), "event " + i + " in order");
            }
            await("the stalled subscriber to be dropped").atMost(Duration.ofSeconds(10))
                    .until(() -> stats("stall").getInt("droppedSlow") == 1);
            assertEquals(1, stats("stall").getInt("subscribers"), "only the healthy one is left");
            healthy.assertExhausted();
        }
    }

    private JsonObject stats(String topic) {
        return Http.json(http.get("topics/" + topic).body());
    }
}
