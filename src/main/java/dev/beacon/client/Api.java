package dev.beacon.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Beacon's HTTP API as the client calls it: URIs under {@code {base}/api/}, the bearer token (asked for on every
 * request, so a supplier can hand out a fresh one), and refusals turned into {@link BeaconException}s carrying the
 * problem's {@code detail}.
 */
final class Api {

    private static final String PROBLEM = "application/problem+json";

    final HttpClient http;
    private final URI root;
    private final Supplier<String> token;
    private final Duration timeout;

    Api(HttpClient http, URI base, Supplier<String> token, Duration timeout) {
        this.http = http;
        String text = base.toString();
        this.root = URI.create((text.endsWith("/") ? text : text + "/") + "api/");
        this.token = token;
        this.timeout = timeout;
    }

    /** A URI of the API from a path of already-encoded segments, such as {@code "topics"}. */
    URI uri(String path) {
        return root.resolve(path);
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A request with the token, if there is one now. */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        String bearer = token == null ? null : token.get();
        if (bearer != null && !bearer.isBlank()) {
            builder.header("Authorization", "Bearer " + bearer.trim());
        }
        return builder;
    }

    /** Sends a request with a body-less answer expected as text; any status but {@code expected} is a refusal. */
    String send(HttpRequest.Builder request, int... expected) {
        HttpRequest built = request.timeout(timeout).build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(built.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BeaconException(built.uri(), BeaconException.NO_RESPONSE, "interrupted", e);
        }
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw refusal(built.uri(), response.statusCode(), response.headers().firstValue("Content-Type"),
                response.body());
    }

    /** No HTTP answer: the reason in words (the JDK often wraps a refused connection in a message-less one). */
    static BeaconException unreachable(URI uri, Throwable cause) {
        String reason = null;
        for (Throwable c = cause; c != null && reason == null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException) {
                reason = "connection refused";
            } else if (c instanceof java.net.http.HttpConnectTimeoutException) {
                reason = "connection timed out";
            } else if (c instanceof java.nio.channels.UnresolvedAddressException
                    || c instanceof java.net.UnknownHostException) {
                reason = "unknown host " + uri.getHost();
            }
        }
        if (reason == null) {
            reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
        return new BeaconException(uri, BeaconException.NO_RESPONSE, reason, cause);
    }

    /** A refusal: the problem's {@code detail} when the body is a problem document, else the start of the body. */
    static BeaconException refusal(URI uri, int status, Optional<String> contentType, String body) {
        return new BeaconException(uri, status, detail(contentType.orElse(""), body), null);
    }

    private static String detail(String contentType, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (contentType.startsWith(PROBLEM) || contentType.startsWith("application/json")) {
            try {
                Map<String, Object> problem = Json.object(body);
                Object detail = problem.getOrDefault("detail", problem.get("title"));
                if (detail != null) {
                    return detail.toString();
                }
            } catch (IllegalArgumentException e) {
                // Not JSON after all: the text below says what came.
            }
        }
        String text = body.strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
