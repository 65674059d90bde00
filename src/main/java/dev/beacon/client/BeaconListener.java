package dev.beacon.client;

import java.time.Duration;

/**
 * What a subscription reports. Calls come one at a time, in stream order, on the HTTP client's threads; the next
 * bytes are read only after a call returns, so a slow listener slows its own stream and nothing else.
 */
public interface BeaconListener {

    /** An event, never one twice, in the order the hub gave them ids. */
    void onEvent(BeaconEvent event);

    /** Events were missed before the events that follow (see {@link BeaconGap}). */
    default void onGap(BeaconGap gap) {
    }

    /**
     * The stream moved the subscription's position without an event (Beacon opens a stream with an id-only event
     * carrying it). Store it like an event's id to resume exactly from here.
     */
    default void onPosition(String lastEventId) {
    }

    /** A connection is open and streaming. */
    default void onOpen() {
    }

    /** A connection failed or ended; the subscription reconnects after {@code delay} with its last event id. */
    default void onReconnecting(Throwable cause, Duration delay) {
    }

    /**
     * The subscription has ended for good: {@code failure} is null after {@link BeaconSubscription#close()} or the
     * server's 204 (stop), else why it stopped (401, 403, 404, another refusal that retrying cannot fix).
     */
    default void onClosed(BeaconException failure) {
    }
}
