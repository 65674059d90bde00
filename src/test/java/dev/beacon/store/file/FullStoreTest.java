package dev.beacon.store.file;

import dev.beacon.config.BeaconConfig;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.TestServer;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store that cannot take a publish (here: full, at {@code beacon.store.max-mb}, as a full disk would be) answers it
 * with a 503 problem, and a subscriber gets only what was acknowledged: nothing half-written is ever delivered.
 */
class FullStoreTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(BeaconConfig.STORE, BeaconConfig.STORE_FILE, FileStoreSettings.MAX_MB, "1");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFullStoreAnswers503AndNothingUnacknowledgedIsDelivered() {
        String big = "z".repeat(60_000);
        List<String> acknowledged = new ArrayList<>();
        try (EventRecorder events = EventRecorder.open(server.api("streams/full"))) {
            HttpResponse<String> refused = null;
            for (int i = 0; i < 100 && refused == null; i++) {
                HttpResponse<String> response = http.publishText("full", null, i + big);
                if (response.statusCode() == 201) {
                    acknowledged.add(Http.json(response.body()).getString("id"));
                } else {
                    refused = response;
                }
            }

            assertTrue(refused != null, "1 MiB cannot hold 100 events of 60 KB");
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
            assertTrue(Http.json(refused.body()).getString("detail").contains("is full"), refused.body());
            assertEquals(acknowledged, events.next(acknowledged.size()).stream().map(InboundSseEvent::getId)
                    .toList(), "the subscriber got what was acknowledged");
            assertEquals(acknowledged.size(), Http.json(http.get("topics/full").body()).getInt("retained"),
                    "the store holds exactly what was acknowledged");
        }
    }
}
