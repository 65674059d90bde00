package dev.beacon.alerts;

import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator, switched on at a high rate here: alerts from Gotham's districts with every field typed. */
class AlertSimulatorTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(AlertSimulator.ENABLED, "true", AlertSimulator.RATE, "50");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void publishesWellFormedAlertsFromGothamDistricts() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/alerts"))) {
            long previous = 0;
            for (int i = 0; i < 10; i++) {
                InboundSseEvent event = events.next(Alert.EVENT);
                long id = Long.parseLong(event.getId());
                assertTrue(id > previous, "ids increase");
                previous = id;
                JsonObject alert = Http.json(event.readData());
                assertEquals(Set.of("crime_id", "location", "severity", "timestamp"), alert.keySet());
                alert.values().forEach(v -> assertEquals(JsonValue.ValueType.STRING, v.getValueType()));
                assertTrue(AlertSimulator.DISTRICTS.contains(alert.getString("location")), alert.toString());
                assertTrue(Set.of("low", "medium", "high").contains(alert.getString("severity")), alert.toString());
                Instant.parse(alert.getString("timestamp"));
            }
        }
    }

    @Test
    void severityFilterAppliesToSimulatedAlerts() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/alerts?severity=high"))) {
            for (int i = 0; i < 5; i++) {
                assertEquals("high", Http.json(events.next(Alert.EVENT).readData()).getString("severity"));
            }
        }
    }
}
