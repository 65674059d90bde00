package dev.beacon.relay;

/**
 * The data of the relay's {@code error} event.
 *
 * @param reason    what went wrong, for a person
 * @param url       the upstream
 * @param timestamp when, ISO-8601 in UTC
 */
public record RelayError(String reason, String url, String timestamp) {
}
