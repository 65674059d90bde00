package dev.beacon.auth;

import java.util.Optional;

/**
 * Where a request's token comes from: {@code Authorization: Bearer <token>}, or the cookie {@value #COOKIE}, which is
 * what a browser's {@code EventSource} can send (with {@code withCredentials} across origins). The cookie counts only
 * for {@code GET} and {@code HEAD}: a browser attaches cookies to requests other sites make it send, so a request that
 * changes something must carry the token in its header, which no other site can set (a page of the same origin can
 * copy it there from the cookie, as the dashboard does). A token in the URL is never read: URLs end up in logs.
 *
 * @param token the token, or null when the request carries none
 */
public record Credentials(String token) {

    public static final String COOKIE = "beacon_token";
    static final Credentials NONE = new Credentials(null);
    private static final String BEARER = "Bearer ";

    /**
     * @param method        the request's method
     * @param authorization its {@code Authorization} header, or null
     * @param cookies       its {@code Cookie} header(s), joined by {@code ;}, or null
     */
    public static Credentials of(String method, String authorization, String cookies) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            return token.isEmpty() ? NONE : new Credentials(token);
        }
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return cookie(cookies).map(Credentials::new).orElse(NONE);
        }
        return NONE;
    }

    public boolean present() {
        return token != null;
    }

    /** The value of {@value #COOKIE} in a {@code Cookie} header ({@code a=1; beacon_token=...; b=2}). */
    static Optional<String> cookie(String cookies) {
        if (cookies == null) {
            return Optional.empty();
        }
        for (String pair : cookies.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().equals(COOKIE)) {
                String value = pair.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
