package dev.beacon.topics;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.HubEvent;
import dev.beacon.hub.Names;
import dev.beacon.problem.JsonInput;
import dev.beacon.problem.ProblemException;
import dev.beacon.problem.RequestBody;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;

import java.util.Set;

/**
 * A publish request read and checked in full before anything is published. A {@code text/plain} body is the data as
 * it is, with the event name and retry in query parameters; an {@code application/json} body is an envelope
 * {@code {"event": ..., "data": ..., "retry": ...}} whose data may be any JSON value (a string is sent as its text,
 * anything else as JSON).
 */
record PublishRequest(String event, String data, long retry) {

    private static final Set<String> ENVELOPE_FIELDS = Set.of("event", "data", "retry");

    /**
     * @param body the body, of which at most {@code maxBytes} + 1 bytes need to have been read: a larger one is a 413
     */
    static PublishRequest read(MediaType type, byte[] body, int maxBytes, String eventParam, String retryParam) {
        if (type == null) {
            throw unsupported();
        }
        String text = RequestBody.text(type, body, maxBytes, BeaconConfig.PUBLISH_MAX_BYTES);
        if (type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            return new PublishRequest(Names.event(eventParam), text, Names.retry(retryParam));
        }
        if (isJson(type)) {
            if (eventParam != null || retryParam != null) {
                throw ProblemException.badRequest("With a JSON body, put event and retry in the envelope, "
                        + "not in query parameters");
            }
            return envelope(text);
        }
        throw unsupported();
    }

    private static boolean isJson(MediaType type) {
        return "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    private static PublishRequest envelope(String text) {
        JsonValue value = JsonInput.read(text);
        if (!(value instanceof JsonObject envelope)) {
            throw ProblemException.badRequest("The JSON body must be an object {\"event\":..., \"data\":..., "
                    + "\"retry\":...}");
        }
        for (String field : envelope.keySet()) {
            if (!ENVELOPE_FIELDS.contains(field)) {
                throw ProblemException.badRequest("Unknown field '" + field + "'; the envelope has event, data "
                        + "and retry");
            }
        }
        return new PublishRequest(eventOf(envelope), dataOf(envelope), retryOf(envelope));
    }

    private static String eventOf(JsonObject envelope) {
        JsonValue event = envelope.get("event");
        if (event == null || event == JsonValue.NULL) {
            return null;
        }
        if (!(event instanceof JsonString name)) {
            throw ProblemException.badRequest("\"event\" must be a string");
        }
        return Names.event(name.getString());
    }

    private static String dataOf(JsonObject envelope) {
        JsonValue data = envelope.get("data");
        if (data == null) {
            throw ProblemException.badRequest("\"data\" is required (any JSON value)");
        }
        return data instanceof JsonString string ? string.getString() : data.toString();
    }

    private static long retryOf(JsonObject envelope) {
        JsonValue retry = envelope.get("retry");
        if (retry == null || retry == JsonValue.NULL) {
            return HubEvent.NO_RETRY;
        }
        if (!(retry instanceof JsonNumber number) || !number.isIntegral()) {
            throw ProblemException.badRequest("\"retry\" must be a whole number of milliseconds");
        }
        try {
            return Names.retry(number.longValueExact());
        } catch (ArithmeticException e) {
            throw ProblemException.badRequest("\"retry\" is out of range");
        }
    }

    static ProblemException tooLarge(int max) {
        return RequestBody.tooLarge(max, BeaconConfig.PUBLISH_MAX_BYTES);
    }

    private static ProblemException unsupported() {
        return new ProblemException(415, "Publish with Content-Type text/plain (the data as it is) or "
                + "application/json (an envelope {\"event\":..., \"data\":..., \"retry\":...})");
    }
}
