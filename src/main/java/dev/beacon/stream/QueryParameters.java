package dev.beacon.stream;

import dev.beacon.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A query string read as JAX-RS reads {@code @QueryParam}s ({@code application/x-www-form-urlencoded}: {@code +} is a
 * space, escapes are UTF-8), for the stream transport that runs before JAX-RS in the WAR. A servlet container's own
 * parameters would not do: which charset it decodes a query with, and what it does with a broken escape, differ from
 * server to server. A malformed escape or bytes that are not UTF-8 are a 400 here, on every server.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    /** @param raw the query string as sent, or null for none */
    static MultivaluedMap<String, String> parse(String raw) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            parameters.add(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    private static String decode(String encoded) {
        if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    throw ProblemException.badRequest("The query string is not valid: a '%' must be followed by two"
                            + " hex digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The query string is not valid: its escapes are not UTF-8");
        }
    }
}
