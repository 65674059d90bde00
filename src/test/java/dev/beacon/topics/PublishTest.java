package dev.beacon.topics;

import dev.beacon.hub.Publisher;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishing over HTTP and from CDI, received by a JAX-RS {@code SseEventSource}. */
class PublishTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void textPublishedOverHttpReachesASubscriber() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/pub-text"))) {
            HttpResponse<String> response = http.publishText("pub-text", "note", "hello");
            assertEquals(201, response.statusCode(), response.body());
            String id = Http.json(response.body()).getString("id");
            assertTrue(response.headers().firstValue("Location").orElseThrow().endsWith("/api/topics/pub-text/events/"
                    + id), response.headers().toString());

            InboundSseEvent event = events.next("note");
            assertEquals(id, event.getId());
            assertEquals("hello", event.readData());
            events.assertExhausted();
        }
    }

    @Test
    void aJsonEnvelopeCarriesAnyJsonValueAsData() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/pub-json"))) {
            assertEquals(201, http.publishJson("pub-json", "{\"event\":\"obj\",\"data\":{\"n\":1,\"s\":\"x\"}}")
                    .statusCode());
            assertEquals(201, http.publishJson("pub-json", "{\"data\":\"plain text\"}").statusCode());
            assertEquals(201, http.publishJson("pub-json", "{\"data\":[1,2,3]}").statusCode());

            assertEquals("{\"n\":1,\"s\":\"x\"}", events.next("obj").readData());
            InboundSseEvent text = events.next();
            assertEquals("message", text.getName() == null ? "message" : text.getName());
            assertEquals("plain text", text.readData(), "a JSON string is sent as its text");
            assertEquals("[1,2,3]", events.next().readData());
            events.assertExhausted();
        }
    }

    @Test
    void aClientThatOffersAnHttp2UpgradeIsAnsweredInHttp11() throws Exception {
        // The JDK's HttpClient offers "Upgrade: h2c" by default; the publish must still be read and answered.
        java.net.http.HttpClient h2 = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> response = h2.send(HttpRequest.newBuilder(server.api("topics/pub-h2c/events"))
                .header("Authorization", "Bearer " + TestServer.TOKEN)
                .header("Content-Type", "text/plain")
                .timeout(java.time.Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("over h2c offer")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("pub-h2c", Http.json(response.body()).getString("topic"));
    }

    @Test
    void theLocationOfAPublishedEventAnswersIt() {
        HttpResponse<String> response = http.publishText("pub-location", "kind", "body");
        String location = response.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> event = http.send(HttpRequest.newBuilder(java.net.URI.create(location)).GET());
        assertEquals(200, event.statusCode());
        JsonObject json = Http.json(event.body());
        assertEquals("kind", json.getString("event"));
        assertEquals("body", json.getString("data"));
        assertEquals("pub-location", json.getString("topic"));
    }

    @Test
    void objectsPublishedFromJavaAreSerialisedToJson() {
        Publisher publisher = server.bean(Publisher.class);
        try (EventRecorder events = EventRecorder.open(server.api("streams/pub-cdi"))) {
            String id = publisher.publish("pub-cdi", "point", new Point(3, 4)).idText();
            publisher.publish("pub-cdi", "text only");

            InboundSseEvent point = events.next("point");
            assertEquals(id, point.getId());
            assertEquals("{\"x\":3,\"y\":4}", point.readData());
            assertEquals("text only", events.next().readData());
            events.assertExhausted();
        }
    }

    @Test
    void topicFiguresCountPublishedAndDelivered() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/pub-stats"))) {
            http.published("pub-stats", null, "a");
            http.published("pub-stats", null, "b");
            events.next(2);
            JsonObject stats = Http.json(http.get("topics/pub-stats").body());
            assertEquals(2, stats.getInt("published"));
            assertEquals(2, stats.getInt("delivered"));
            assertEquals(1, stats.getInt("subscribers"));
            assertEquals(2, stats.getInt("retained"));
        }
    }

    /** A data carrier published from Java. */
    public record Point(int x, int y) {
    }
}
