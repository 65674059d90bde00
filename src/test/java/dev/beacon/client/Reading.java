package dev.beacon.client;

/** An application's object, published through JSON-B (public: JSON-B reads it by reflection). */
public record Reading(String sensor, double value) {
}
