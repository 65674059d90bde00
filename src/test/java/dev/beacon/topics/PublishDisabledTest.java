package dev.beacon.topics;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Publisher;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.Problems;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With no token configured, HTTP publishing is off (403, saying how to switch it on); Java publishing still works. */
class PublishDisabledTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(BeaconConfig.PUBLISH_TOKEN, "");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void refusesHttpPublishingWith403AndSaysHowToEnableIt() {
        Problems.assertProblem(403, http.publishText("off", null, "x"), "beacon.publish.token");
    }

    @Test
    void javaPublishingStillWorks() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/java-only"))) {
            server.bean(Publisher.class).publish("java-only", "e", "from java");
            assertEquals("from java", events.next("e").readData());
        }
    }
}
