package dev.beacon.topics;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * What the URI of a publish names, read from the request as it came on the wire, for the transports that answer a
 * publish without JAX-RS: the topic (the path parameter, percent-decoded as JAX-RS decodes it) and the first
 * {@code event} and {@code retry} query parameters (decoded as JAX-RS decodes query parameters, {@code +} as a space).
 * Anything these transports leave to JAX-RS is null: another path, a path with matrix parameters or an encoded
 * {@code /}, a malformed escape.
 *
 * @param topic the topic, not yet checked against the topic grammar
 * @param event the {@code event} query parameter, or null
 * @param retry the {@code retry} query parameter, or null
 */
public record PublishTarget(String topic, String event, String retry) {

    /** Where the JAX-RS application is ({@code @ApplicationPath}) and the publish URI within it. */
    static final String PREFIX = "/api/topics/";
    static final String SUFFIX = "/events";

    /**
     * @param path  the raw request path below the context root ({@code /api/topics/news/events})
     * @param query the raw query string, or null
     * @return the target, or null when the request is not exactly a publish URI that can be decoded
     */
    public static PublishTarget of(String path, String query) {
        if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)
                || path.length() <= PREFIX.length() + SUFFIX.length()) {
            return null;
        }
        String segment = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        if (segment.indexOf('/') >= 0 || segment.indexOf(';') >= 0) {
            return null;
        }
        try {
            String topic = segment.indexOf('%') < 0 ? segment
                    : URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8); // '+' is itself in a path
            if (topic.indexOf('/') >= 0) {
                return null;
            }
            return query == null ? new PublishTarget(topic, null, null) : withQuery(topic, query);
        } catch (IllegalArgumentException malformedEscape) {
            return null;
        }
    }

    /**
     * The first {@code event} and {@code retry}; every parameter is decoded, as JAX-RS decodes them all, so that a
     * malformed escape anywhere is left to it. A name without {@code =} has the value {@code ""}.
     */
    private static PublishTarget withQuery(String topic, String query) {
        String event = null;
        String retry = null;
        for (int start = 0; start <= query.length(); ) {
            int end = query.indexOf('&', start);
            end = end < 0 ? query.length() : end;
            int equals = query.indexOf('=', start);
            int nameEnd = equals >= 0 && equals < end ? equals : end;
            if (nameEnd > start) {
                String name = decode(query.substring(start, nameEnd));
                String value = nameEnd == end ? "" : decode(query.substring(nameEnd + 1, end));
                if (event == null && name.equals("event")) {
                    event = value;
                } else if (retry == null && name.equals("retry")) {
                    retry = value;
                }
            }
            start = end + 1;
        }
        return new PublishTarget(topic, event, retry);
    }

    private static String decode(String text) {
        return text.indexOf('%') < 0 && text.indexOf('+') < 0 ? text : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
