package dev.beacon.stream;

import dev.beacon.hub.Names;
import dev.beacon.problem.ProblemException;

/**
 * Where a client resumes. Browsers send the {@code Last-Event-ID} header when they reconnect; a first connection
 * cannot set headers, so the {@code lastEventId} query parameter is accepted too. The header wins: it is the newer.
 */
public final class LastEventId {

    /** The header a reconnecting EventSource sends. */
    public static final String HEADER = "Last-Event-ID";

    private LastEventId() {
    }

    /** Null when the client gives none; a 400 for anything but a Beacon id (decimal digits). */
    public static Long parse(String header, String query) {
        String value = header != null && !header.isEmpty() ? header : query;
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 18 || !Names.isAsciiDigits(value)) {
            throw ProblemException.badRequest("Malformed Last-Event-ID '" + (value.length() > 40
                    ? value.substring(0, 40) + "..." : value) + "': Beacon ids are decimal numbers");
        }
        return Long.parseLong(value);
    }
}
