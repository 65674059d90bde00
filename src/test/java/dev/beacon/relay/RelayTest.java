package dev.beacon.relay;

import com.sun.net.httpserver.HttpServer;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The relay against a local upstream the test controls: answers relayed, failures as error events, and it carries on. */
class RelayTest {

    /** What the upstream answers next: status, content type, body. */
    private record Answer(int status, String type, String body) {
    }

    private static final AtomicReference<Answer> ANSWER = new AtomicReference<>();
    private static HttpServer upstream;
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/data", exchange -> {
            Answer answer = ANSWER.get();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.type());
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        ANSWER.set(new Answer(200, "application/json", "{\"temperature\": 21.5}"));
        server = TestServer.start(UpstreamRelay.URL, "http://127.0.0.1:" + upstream.getAddress().getPort() + "/data",
                UpstreamRelay.INTERVAL, "100", UpstreamRelay.TOPIC, "weather");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.stop(0);
    }

    @Test
    void relaysEachJsonAnswerAsAnUpdateEvent() {
        ANSWER.set(new Answer(200, "application/json", "{\"temperature\": 21.5}"));
        try (RawSse stream = RawSse.get(server, "streams/weather")) {
            String body = stream.readUntil("21.5}\n\n");
            assertTrue(body.matches("(?s).*id: \\d+\ntopic: weather\nevent: update\n"
                    + "data: \\{\"temperature\":21.5}\n\n"), body);
        }
    }

    @Test
    void publishesAnErrorEventForNonJsonAndCarriesOn() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/weather"))) {
            ANSWER.set(new Answer(200, "text/html", "<html>maintenance</html>"));
            JsonObject error = Http.json(nextNamed(events, "error").readData());
            assertTrue(error.getString("reason").contains("not JSON"), error.toString());
            assertTrue(error.getString("url").endsWith("/data"), error.toString());
            ANSWER.set(new Answer(200, "application/json", "[1, 2, 3]"));
            assertEquals("[1,2,3]", nextNamed(events, "update").readData(), "back to relaying after the failure");
        }
    }

    @Test
    void publishesAnErrorEventWhenTheUpstreamFails() {
        try (EventRecorder events = EventRecorder.open(server.api("streams/weather"))) {
            ANSWER.set(new Answer(503, "application/json", "{}"));
            assertTrue(Http.json(nextNamed(events, "error").readData()).getString("reason").contains("HTTP 503"));
            ANSWER.set(new Answer(200, "application/json", "{\"ok\":true}"));
            assertEquals("{\"ok\":true}", nextNamed(events, "update").readData());
        }
        JsonObject status = Http.json(http.get("relay").body());
        assertEquals("weather", status.getString("topic"));
        assertTrue(status.getInt("failures") >= 1, status.toString());
    }

    /** The relay keeps polling, so earlier answers may still be arriving: skip to the first of this name. */
    private static InboundSseEvent nextNamed(EventRecorder events, String name) {
        for (int i = 0; i < 200; i++) {
            InboundSseEvent event = events.next();
            if (name.equals(event.getName())) {
                return event;
            }
        }
        return fail("No " + name + " event among 200");
    }
}
