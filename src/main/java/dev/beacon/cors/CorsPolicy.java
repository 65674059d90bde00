package dev.beacon.cors;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Which origins may call the API, and the headers that tell a browser so. */
final class CorsPolicy {

    static final String WILDCARD = "*";
    static final String METHODS = "GET, POST, DELETE, OPTIONS";
    static final String REQUEST_HEADERS = "Authorization, Content-Type, Last-Event-ID, Cache-Control";

    private final Set<String> origins;

    CorsPolicy(Set<String> origins) {
        this.origins = origins;
    }

    /** Parses {@code https://a.example, https://b.example}; origins are compared exactly, without a trailing slash. */
    static CorsPolicy parse(String list) {
        Set<String> origins = new HashSet<>();
        for (String origin : list == null ? new String[0] : list.split(",")) {
            String trimmed = origin.trim();
            if (!trimmed.isEmpty()) {
                origins.add(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            }
        }
        return new CorsPolicy(Set.copyOf(origins));
    }

    /**
     * The headers for a response to this origin; empty when it is not allowed (the browser then blocks it). An answer
     * that depends on the origin says so ({@code Vary: Origin}), so caches never hand it to another origin.
     */
    Map<String, String> headers(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (origin == null || origins.isEmpty()) {
            return headers;
        }
        if (origins.contains(origin) || origins.contains(WILDCARD)) {
            headers.put("Vary", "Origin");
        }
        if (origins.contains(origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Credentials", "true");
            headers.put("Access-Control-Expose-Headers", "Location");
        } else if (origins.contains(WILDCARD)) {
            // A wildcard is never combined with credentials: browsers refuse it, and it would expose tokens.
            headers.put("Access-Control-Allow-Origin", WILDCARD);
            headers.put("Access-Control-Expose-Headers", "Location");
        }
        return headers;
    }

    /** The headers for a preflight: the above, plus what may be sent. */
    Map<String, String> preflight(String origin) {
        Map<String, String> headers = headers(origin);
        if (!headers.isEmpty()) {
            headers.put("Access-Control-Allow-Methods", METHODS);
            headers.put("Access-Control-Allow-Headers", REQUEST_HEADERS);
            headers.put("Access-Control-Max-Age", "600");
        }
        return headers;
    }
}
