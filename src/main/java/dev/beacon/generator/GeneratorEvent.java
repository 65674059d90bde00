package dev.beacon.generator;

/**
 * One event a generator emits.
 *
 * @param id   the {@code id:} to send, or null for none (the client keeps its last id)
 * @param name the event type, or null for the default {@code message}
 * @param data text as it is, or any other object, sent as JSON
 */
public record GeneratorEvent(Long id, String name, Object data) {

    public static GeneratorEvent of(String name, Object data) {
        return new GeneratorEvent(null, name, data);
    }

    public GeneratorEvent withId(long newId) {
        return new GeneratorEvent(newId, name, data);
    }
}
