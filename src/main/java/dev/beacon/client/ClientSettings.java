package dev.beacon.client;

import java.time.Duration;

/**
 * How subscriptions reconnect.
 *
 * @param initialDelay the first delay before reconnecting when the server sent no {@code retry:}
 * @param maxDelay     the most the delay grows to while attempts keep failing
 * @param idleTimeout  how long a stream may stay silent before it is taken for dead (Beacon sends a heartbeat every
 *                     15 s by default, so the default of 45 s is three missed heartbeats)
 */
record ClientSettings(Duration initialDelay, Duration maxDelay, Duration idleTimeout) {
}
