package dev.beacon.problem;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;

/**
 * JSON a client sent, read with a nesting limit. The parsers nest on the call stack: a small body nested thousands
 * deep makes them fail outside their own exceptions (Parsson throws a bare {@code RuntimeException} past 1000 levels),
 * which would be a 500 and a stack trace in the log. Here the depth is counted first with the streaming parser, which
 * does not nest, so such a body is a 400 like any other malformed one.
 */
public final class JsonInput {

    /** Deeper than any event envelope or job request needs. */
    public static final int MAX_DEPTH = 64;

    private JsonInput() {
    }

    /** The value in {@code text}; a 400 problem ("Malformed JSON: ...") if it is not one, or nests too deep. */
    public static JsonValue read(String text) {
        checkDepth(text);
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw malformed(e);
        }
    }

    private static void checkDepth(String text) {
        int depth = 0;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_ARRAY || event == JsonParser.Event.START_OBJECT) {
                    if (++depth > MAX_DEPTH) {
                        throw ProblemException.badRequest("The JSON nests deeper than " + MAX_DEPTH + " levels");
                    }
                } else if (event == JsonParser.Event.END_ARRAY || event == JsonParser.Event.END_OBJECT) {
                    depth--;
                }
            }
        } catch (JsonException | IllegalStateException e) {
            throw malformed(e);
        }
    }

    private static ProblemException malformed(RuntimeException e) {
        return ProblemException.badRequest("Malformed JSON: " + e.getMessage());
    }
}
