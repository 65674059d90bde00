package dev.beacon.topics;

import dev.beacon.config.BeaconConfig;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A topic stays while someone uses it or it retains events, and leaves the hub after: subscribing leaves nothing
 * behind, and a topic whose events have all expired goes once nobody is on it.
 */
class TopicLifetimeTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(BeaconConfig.HISTORY_AGE, "1", BeaconConfig.HEARTBEAT, "0.2");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTopicOnlySubscribedToLeavesWithItsLastSubscriber() {
        try (RawSse first = RawSse.get(server, "streams/passing");
             RawSse second = RawSse.get(server, "streams/passing")) {
            first.readOpening();
            second.readOpening();
            assertEquals(2, Http.json(http.get("topics/passing").body()).getInt("subscribers"));
            first.close();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Http.json(http.get("topics/passing").body()).getInt("subscribers") == 1);
        }
        await("the topic to leave with its last subscriber").atMost(Duration.ofSeconds(10))
                .until(() -> http.get("topics/passing").statusCode() == 404);
    }

    @Test
    void aTopicWhoseEventsExpiredLeavesOnceNobodyIsOnIt() {
        try (RawSse stream = RawSse.get(server, "streams/fading")) {
            stream.readOpening();
            http.published("fading", null, "soon gone");
            stream.readUntil("data: soon gone\n\n");
            await("its event to expire").atMost(Duration.ofSeconds(10))
                    .until(() -> Http.json(http.get("topics/fading").body()).getInt("retained") == 0);
            assertEquals(200, http.get("topics/fading").statusCode(), "its subscriber keeps it");
        }
        await("the topic to leave").atMost(Duration.ofSeconds(10))
                .until(() -> http.get("topics/fading").statusCode() == 404);
        http.published("fading", null, "back");
        assertEquals(1, Http.json(http.get("topics/fading").body()).getInt("retained"), "and it comes back anew");
    }
}
