package dev.beacon.clock;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The data of a {@code time} event.
 *
 * @param iso     the server time, ISO-8601 in UTC
 * @param epochMs the same instant in milliseconds since the epoch
 */
public record Time(String iso, @JsonbProperty("epoch_ms") long epochMs) {

    public static final String TOPIC = "clock";
    public static final String EVENT = "time";
}
