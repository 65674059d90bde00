package dev.beacon.server;

import jakarta.ws.rs.core.MediaType;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.Header;

import java.util.regex.Pattern;

/**
 * The headers Jersey parses before any of Beacon's code runs, checked the way it reads them: a {@code Content-Type}
 * or an {@code Accept} it cannot read makes Jersey answer an empty 400 (or fail further in), where the edge answers a
 * problem saying which header is wrong.
 */
final class RequestHeaders {

    /** A quality value, RFC 9110 section 12.4.2. */
    private static final Pattern QUALITY = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    private RequestHeaders() {
    }

    /** What is wrong with the request's headers, or null. */
    static String problem(HttpRequestPacket request) {
        String type = request.getHeader(Header.ContentType);
        if (type != null && !isMediaType(type)) {
            return "Malformed Content-Type '" + shown(type) + "'";
        }
        String accept = request.getHeader(Header.Accept);
        if (accept != null) {
            for (String range : accept.split(",")) {
                if (!range.isBlank() && !isMediaRange(range.trim())) {
                    return "Malformed Accept '" + shown(accept) + "': use media ranges such as "
                            + "'text/event-stream' or 'application/json;q=0.9'";
                }
            }
        }
        return null;
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isMediaRange(String range) {
        if (!isMediaType(range)) {
            return false;
        }
        String quality = MediaType.valueOf(range).getParameters().get("q");
        return quality == null || QUALITY.matcher(quality).matches();
    }

    private static String shown(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
