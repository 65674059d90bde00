package dev.beacon.relay;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One poll of the upstream: its JSON, or an exception whose message is the reason to report. */
final class UpstreamFetch {

    static final int MAX_BYTES = 1024 * 1024;

    private UpstreamFetch() {
    }

    /** The answer as compact JSON text. */
    static String fetch(URI url, Duration timeout) throws UpstreamException {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            if (status < 200 || status > 299) {
                throw new UpstreamException("upstream answered HTTP " + status);
            }
            return json(read(connection.getInputStream()));
        } catch (IOException e) {
            throw new UpstreamException("upstream unreachable: " + e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static String read(InputStream in) throws IOException, UpstreamException {
        try (in) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new UpstreamException("upstream answer is larger than " + MAX_BYTES + " bytes");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static String json(String body) throws UpstreamException {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value.toString();
        } catch (RuntimeException e) { // JsonException, or the parser's own failure on input nested too deep
            throw new UpstreamException("upstream answered something that is not JSON: " + e.getMessage());
        }
    }

    /** Why a poll gave nothing to publish. */
    static final class UpstreamException extends Exception {

        private static final long serialVersionUID = 1L;

        UpstreamException(String reason) {
            super(reason);
        }
    }
}
