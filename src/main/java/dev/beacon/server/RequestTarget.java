package dev.beacon.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a request's path and query as they came on the wire, before Grizzly decodes the path or Jersey builds a
 * {@code java.net.URI} of them (both fail with a 500 and a stack trace on what is checked here). It answers what is
 * wrong, or null for a target that is fine: only the characters RFC 3986 allows (anything else must be
 * percent-encoded), every {@code %} followed by two hex digits, escapes that decode to UTF-8, and in the path no
 * encoded {@code /} or {@code \}, no NUL and no {@code .} or {@code ..} segment (a client resolves those before it
 * sends a path; no name Beacon serves contains them). Other control characters are left to what reads the path: a
 * topic name refuses them in its own words.
 */
final class RequestTarget {

    private static final String ALLOWED = "-._~!$&'()*+,;=:@/?%";

    private RequestTarget() {
    }

    /** @param path the raw path; {@code query} the raw query string or null */
    static String problem(String path, String query) {
        String wrong = characters(path);
        if (wrong == null && query != null) {
            wrong = characters(query);
        }
        if (wrong != null) {
            return wrong;
        }
        byte[] decodedPath = decode(path);
        if (decodedPath == null || (query != null && decode(query) == null)) {
            return "A '%' in the request target must be followed by two hex digits";
        }
        if (!isUtf8(decodedPath) || (query != null && !isUtf8(decode(query.replace('+', ' '))))) {
            return "The request target's percent-escapes are not valid UTF-8";
        }
        return pathProblem(path, decodedPath);
    }

    private static String characters(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean allowed = c < 0x80 && (Character.isLetterOrDigit(c) || ALLOWED.indexOf(c) >= 0);
            if (!allowed) {
                return c > 0x20 && c < 0x7f
                        ? "The character '" + c + "' must be percent-encoded in a request target"
                        : "The request target contains a character (byte 0x" + Integer.toHexString(c)
                        + ") that must be percent-encoded";
            }
        }
        return null;
    }

    private static String pathProblem(String rawPath, byte[] decoded) {
        String upper = rawPath.toUpperCase(java.util.Locale.ROOT);
        if (upper.contains("%2F") || upper.contains("%5C")) {
            return "An encoded '/' or '\\' (%2F, %5C) is not allowed in a path: no name Beacon serves contains one";
        }
        for (byte b : decoded) {
            if (b == 0) {
                return "The path contains a NUL (%00)";
            }
        }
        for (String segment : new String(decoded, StandardCharsets.UTF_8).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "The path contains a '" + segment + "' segment; send the path it resolves to";
            }
        }
        return null;
    }

    /** The bytes the escapes stand for, or null for a malformed escape. */
    private static byte[] decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
            if (low < 0) {
                return null;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        return bytes.toByteArray();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
