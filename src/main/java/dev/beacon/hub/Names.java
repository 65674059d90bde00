package dev.beacon.hub;

import java.util.regex.Pattern;

/**
 * The grammar of what a publisher may name. Topic names are 1 to 128 characters from {@code [A-Za-z0-9._~:-]}, safe
 * in a URL path segment and in a Redis key. Event names are 1 to 128 characters with no control characters: a CR or LF
 * in an event name would let a publisher inject whole extra events into every subscriber's stream, and a NUL is
 * refused by browsers (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation).
 */
public final class Names {

    public static final int MAX_LENGTH = 128;
    /** The event a stream sends when its source fails (a generator that threw, a relay poll that failed). */
    public static final String ERROR_EVENT = "error";
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._~:-]{1," + MAX_LENGTH + "}");

    private Names() {
    }

    /** True for a valid topic name; for lookups that answer "not found" to anything else instead of refusing it. */
    public static boolean isTopicName(String name) {
        return name != null && TOPIC.matcher(name).matches();
    }

    public static String topic(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException("A topic name is required");
        }
        if (!TOPIC.matcher(name).matches()) {
            throw new InvalidInputException("Invalid topic name '" + printable(name)
                    + "': use 1 to " + MAX_LENGTH + " characters from A-Z a-z 0-9 . _ ~ : -");
        }
        return name;
    }

    /** Null or empty means the default type, {@code message}. */
    public static String event(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidInputException("Event name is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidInputException("Event name contains the control character U+"
                        + String.format("%04X", (int) c) + " at index " + i + "; CR, LF and NUL are never allowed");
            }
        }
        return name;
    }

    /** True for one or more of 0-9 and nothing else: how the spec reads {@code retry} and Beacon reads ids. */
    public static boolean isAsciiDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Milliseconds the client waits before reconnecting; the spec only accepts ASCII digits. */
    public static long retry(String value) {
        if (value == null || value.isEmpty()) {
            return HubEvent.NO_RETRY;
        }
        if (value.length() > 10 || !isAsciiDigits(value)) {
            throw new InvalidInputException("retry must be a whole number of milliseconds (ASCII digits only), got '"
                    + printable(value) + "'");
        }
        return retry(Long.parseLong(value));
    }

    public static long retry(long millis) {
        if (millis < 0 || millis > 86_400_000L) {
            throw new InvalidInputException("retry must be from 0 to 86400000 milliseconds, got " + millis);
        }
        return millis;
    }

    /** A value quoted back in an error message, with control characters shown as escapes. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(MAX_LENGTH + 8).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
