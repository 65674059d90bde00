package dev.beacon.dashboard;

import dev.beacon.testing.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

/**
 * Publishes the events of the streams' contract over HTTP, as the generators of the alerts, stats, ticker and clock
 * features will, so the dashboard's tests need no generator.
 */
final class Feeds {

    private final Http http;

    Feeds(Http http) {
        this.http = http;
    }

    void alert(String crimeId, String location, String severity) {
        publish("alerts", "crime_alert", Json.createObjectBuilder()
                .add("crime_id", crimeId)
                .add("location", location)
                .add("severity", severity)
                .add("timestamp", Instant.now().toString())
                .build());
    }

    /** A stats sample with only the given fields: the page must show the others as missing. */
    void stats(Map<String, Double> fields) {
        JsonObjectBuilder data = Json.createObjectBuilder();
        fields.forEach(data::add);
        publish("stats", "stats", data.build());
    }

    /** A quote as the ticker sends it: the event is named after the symbol, or is a plain message when null. */
    void quote(String eventName, String symbol, double price, double change) {
        publish("ticker", eventName, Json.createObjectBuilder()
                .add("symbol", symbol)
                .add("price", price)
                .add("change", change)
                .build());
    }

    void clock(Instant at) {
        publish("clock", "time", Json.createObjectBuilder()
                .add("iso", at.toString())
                .add("epoch_ms", at.toEpochMilli())
                .build());
    }

    private void publish(String topic, String event, JsonObject data) {
        JsonObjectBuilder envelope = Json.createObjectBuilder().add("data", data);
        if (event != null) {
            envelope.add("event", event);
        }
        HttpResponse<String> response = http.publishJson(topic, envelope.build().toString());
        if (response.statusCode() != 201) {
            throw new AssertionError("Publish to " + topic + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
