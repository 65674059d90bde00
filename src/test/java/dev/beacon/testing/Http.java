package dev.beacon.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a Beacon with the JDK's client: publishing (with {@link TestServer#TOKEN}), reading JSON. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Endpoint server;

    public Http(Endpoint server) {
        this.server = server;
    }

    /** Publishes text with the test token; answers the response. */
    public HttpResponse<String> publishText(String topic, String event, String data) {
        String query = event == null ? "" : "?event=" + java.net.URLEncoder.encode(event,
                java.nio.charset.StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(server.api("topics/" + topic + "/events" + query))
                .header("Authorization", "Bearer " + TestServer.TOKEN)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(data)));
    }

    public HttpResponse<String> publishJson(String topic, String envelope) {
        return send(HttpRequest.newBuilder(server.api("topics/" + topic + "/events"))
                .header("Authorization", "Bearer " + TestServer.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
    }

    /** Publishes and answers the assigned id, failing the test on anything but 201. */
    public String published(String topic, String event, String data) {
        HttpResponse<String> response = publishText(topic, event, data);
        if (response.statusCode() != 201) {
            throw new AssertionError("Publish to " + topic + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response.body()).getString("id");
    }

    public HttpResponse<String> get(String apiPath) {
        return send(HttpRequest.newBuilder(server.api(apiPath)).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    public URI api(String path) {
        return server.api(path);
    }
}
