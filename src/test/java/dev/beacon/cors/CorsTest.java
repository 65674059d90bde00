package dev.beacon.cors;

import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only listed origins get CORS headers, on plain answers, preflights and event streams; never a credentialed '*'. */
class CorsTest {

    private static final String DASHBOARD = "https://dashboard.example";
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(CorsFilter.ORIGINS, DASHBOARD + ", https://other.example/");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aListedOriginIsEchoedWithCredentials() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.api("topics"))
                .header("Origin", DASHBOARD).GET());
        assertEquals(DASHBOARD, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", response.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
        assertTrue(response.headers().allValues("Vary").contains("Origin"), response.headers().toString());
    }

    @Test
    void anUnlistedOriginGetsNoCorsHeaders() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.api("topics"))
                .header("Origin", "https://evil.example").GET());
        assertEquals(200, response.statusCode());
        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void answersAPreflightForAListedOrigin() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.api("topics/news/events"))
                .header("Origin", "https://other.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, response.statusCode());
        assertEquals("https://other.example", response.headers().firstValue("Access-Control-Allow-Origin")
                .orElse(null));
        assertTrue(response.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(response.headers().firstValue("Access-Control-Allow-Headers").orElse("")
                .contains("Authorization"));
    }

    @Test
    void anEventStreamCarriesTheHeadersToo() {
        try (RawSse stream = RawSse.get(server, "streams/cors-news", "Origin: " + DASHBOARD)) {
            assertTrue(stream.head().contains("Access-Control-Allow-Origin: " + DASHBOARD), stream.head());
        }
    }

    @Test
    void aWildcardIsNeverSentWithCredentials() {
        CorsPolicy any = CorsPolicy.parse("*");
        Map<String, String> headers = any.headers("https://anyone.example");
        assertEquals("*", headers.get("Access-Control-Allow-Origin"));
        assertFalse(headers.containsKey("Access-Control-Allow-Credentials"));
        assertEquals(Map.of(), CorsPolicy.parse(null).headers("https://anyone.example"), "none by default");
        assertEquals(Set.of(), CorsPolicy.parse("").headers(DASHBOARD).keySet());
    }
}
