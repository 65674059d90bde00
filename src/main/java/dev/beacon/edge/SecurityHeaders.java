package dev.beacon.edge;

import java.util.Map;

/**
 * Headers every answer carries, the dashboard's files and the API's answers alike: no content-type sniffing (a
 * stream or a JSON answer is never run as a script), and a Content-Security-Policy that allows scripts, styles and
 * connections from Beacon's own origin only (the dashboard has no inline script or style) and no framing by any page.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** By name; the embedded runner writes the same ones into every answer, and the WAR's filter adds them. */
    public static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY);

    private SecurityHeaders() {
    }
}
