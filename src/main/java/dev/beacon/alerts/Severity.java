package dev.beacon.alerts;

import java.util.Locale;
import java.util.Optional;

/** How bad an alert is; written in lower case on the wire. */
enum Severity {
    LOW, MEDIUM, HIGH;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Severity> of(String wire) {
        for (Severity severity : values()) {
            if (severity.wire().equals(wire)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
