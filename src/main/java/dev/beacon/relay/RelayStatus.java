package dev.beacon.relay;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * {@code GET /api/relay}: the relay's settings and how it fares.
 *
 * @param url        the upstream without its credentials (user info, query values), or null when the relay is off
 * @param topic      where answers are published
 * @param intervalMs milliseconds between polls
 * @param polls      polls made
 * @param failures   polls that ended in an {@code error} event
 */
public record RelayStatus(String url, String topic, @JsonbProperty("interval_ms") long intervalMs, long polls,
                          long failures) {
}
