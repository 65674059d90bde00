package dev.beacon.client;

import java.net.URI;

/**
 * A request Beacon refused, or a Beacon that could not be reached. {@link #detail()} is the problem's
 * {@code detail} (RFC 9457) when Beacon answered one: it says what to fix.
 */
public class BeaconException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** {@link #status()} when no HTTP answer came (refused connection, timeout, unknown host). */
    public static final int NO_RESPONSE = 0;

    private final int status;
    private final String detail;
    private final transient URI uri;

    public BeaconException(URI uri, int status, String detail, Throwable cause) {
        super(message(uri, status, detail), cause);
        this.uri = uri;
        this.status = status;
        this.detail = detail;
    }

    private static String message(URI uri, int status, String detail) {
        return (status == NO_RESPONSE ? "No answer from " : status + " from ") + uri + (detail == null ? ""
                : ": " + detail);
    }

    /** The HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    /** What went wrong, from the server's problem document when it sent one; may be null. */
    public String detail() {
        return detail;
    }

    public URI uri() {
        return uri;
    }

    /** True when Beacon could not be reached at all. */
    public boolean unreachable() {
        return status == NO_RESPONSE;
    }
}
