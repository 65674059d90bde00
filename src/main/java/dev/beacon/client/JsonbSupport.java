package dev.beacon.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * JSON-B, when the application has it: the client depends on nothing but the JDK, so its JSON-B classes are only
 * touched once the API is known to be on the class path ({@link Holder} is loaded on first use, not before).
 */
final class JsonbSupport {

    private static final String API = "jakarta.json.bind.JsonbBuilder";

    private JsonbSupport() {
    }

    static String toJson(Object value) {
        if (!available()) {
            throw new IllegalStateException("Publishing an object needs JSON-B (jakarta.json.bind-api and an "
                    + "implementation such as Yasson) on the class path; or publish JSON text with OutgoingEvent.json");
        }
        try {
            return Holder.JSONB.toJson(value);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("JSON-B could not serialise a " + value.getClass().getName() + ": "
                    + e.getMessage(), e);
        }
    }

    static boolean available() {
        try {
            Class.forName(API, false, JsonbSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Created on first use; one Jsonb is thread-safe and meant to be shared. */
    private static final class Holder {
        static final Jsonb JSONB = create();

        private static Jsonb create() {
            try {
                return JsonbBuilder.create();
            } catch (JsonbException e) {
                throw new IllegalStateException("JSON-B's API is on the class path but no implementation is "
                        + "(add Yasson, say): " + e.getMessage(), e);
            }
        }
    }
}
