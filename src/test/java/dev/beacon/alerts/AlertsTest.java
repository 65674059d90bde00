package dev.beacon.alerts;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Publisher;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts published by detectors (the simulator is off here), the severity filter, and its bad values. */
class AlertsTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(AlertSimulator.ENABLED, "false", BeaconConfig.HEARTBEAT, "0.5");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDetectorsAlertReachesSubscribersAsCrimeAlert() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/alerts"))) {
            String id = publish("d-1", "low");
            InboundSseEvent event = events.next(Alert.EVENT);
            assertEquals(id, event.getId());
            JsonObject alert = Http.json(event.readData());
            assertEquals("d-1", alert.getString("crime_id"));
            assertEquals("Burnside", alert.getString("location"));
            assertEquals("low", alert.getString("severity"));
            assertEquals("2026-01-01T00:00:00Z", alert.getString("timestamp"));
            events.assertExhausted();
        }
    }

    @Test
    void severityHighReceivesOnlyHighAlertsInOrder() {
        try (EventRecorder high = EventRecorder.open(server.api("streams/alerts?severity=high"))) {
            publish("f-1", "low");
            String first = publish("f-2", "high");
            publish("f-3", "medium");
            http.published(Alert.TOPIC, Alert.EVENT, "not json at all");
            String second = publish("f-4", "high");
            assertEquals(first, high.next(Alert.EVENT).getId());
            InboundSseEvent last = high.next(Alert.EVENT);
            assertEquals(second, last.getId());
            assertEquals("f-4", Http.json(last.readData()).getString("crime_id"));
            high.assertExhausted();
        }
    }

    @Test
    void severityTakesSeveralValuesOnTheWire() {
        try (RawSse stream = RawSse.get(server, "streams/alerts?severity=medium,high")) {
            long position = stream.readOpening();
            publish("w-1", "low");
            String id = publish("w-2", "medium");
            String body = RawSse.withoutHeartbeats(stream.readUntil("}\n\n"));
            assertEquals(RawSse.opening(position) + "id: " + id + "\ntopic: alerts\nevent: crime_alert\ndata: {\"crime_id\":\"w-2\","
                    + "\"location\":\"Burnside\",\"severity\":\"medium\",\"timestamp\":\"2026-01-01T00:00:00Z\"}\n\n",
                    body);
        }
    }

    @Test
    void refusesAnUnknownSeverityBeforeTheStreamStarts() {
        HttpResponse<String> response = http.get("streams/alerts?severity=extreme");
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("extreme"), response.body());
    }

    @Test
    void refusesSeverityOnATopicItDoesNotFilter() {
        assertEquals(400, http.get("streams/news?severity=high").statusCode());
        assertEquals(400, http.get("streams/alerts?severity=high&severity=low").statusCode());
    }

    private String publish(String crimeId, String severity) {
        return server.bean(Publisher.class).publish(Alert.TOPIC, Alert.EVENT,
                new Alert(crimeId, "Burnside", severity, "2026-01-01T00:00:00Z")).idText();
    }
}
