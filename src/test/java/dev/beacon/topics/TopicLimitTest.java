package dev.beacon.topics;

import dev.beacon.config.BeaconConfig;
import dev.beacon.server.EmbeddedServer;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.Problems;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub holds at most {@code beacon.topics.max} topics: past it, neither a publish nor a subscription creates one
 * (429 with a problem naming the setting, before any stream starts), and the topics it has go on working.
 */
class TopicLimitTest {

    private static final int MAX = 16;

    @ParameterizedTest(name = "{0} transport")
    @ValueSource(strings = {"direct", "portable"})
    void refusesNewTopicsPastTheLimitAndKeepsServingTheOthers(String transport) {
        try (TestServer server = TestServer.start(EmbeddedServer.TRANSPORT, transport,
                BeaconConfig.TOPICS_MAX, String.valueOf(MAX))) {
            Http http = new Http(server);
            int created = 0;
            HttpResponse<String> refused = null;
            // The built-in streams may own a few topics already, so fill until the hub says no.
            while (refused == null && created <= MAX) {
                HttpResponse<String> response = http.publishText("fill-" + created, null, "x");
                if (response.statusCode() == 429) {
                    refused = response;
                } else {
                    assertEquals(201, response.statusCode(), response.body());
                    created++;
                }
            }
            assertTrue(created > 0, "some topics could be created");
            Problems.assertProblem(429, refused, BeaconConfig.TOPICS_MAX);

            Problems.assertProblem(429, http.get("streams/one-more"), BeaconConfig.TOPICS_MAX);
            Problems.assertProblem(429, http.get("streams?topic=fill-0&topic=one-more"), BeaconConfig.TOPICS_MAX);

            try (EventRecorder events = EventRecorder.open(server.api("streams/fill-0"))) {
                String id = http.published("fill-0", "still", "here");
                assertEquals(id, events.next("still").getId());
                events.assertExhausted();
            }
        }
    }
}
