package dev.beacon.server;

import dev.beacon.config.BeaconConfig;
import dev.beacon.progress.JobsResource;

import java.time.Duration;

/**
 * The edge's limits, from the settings.
 *
 * @param publishMaxBytes      largest publish body ({@code beacon.publish.max-bytes})
 * @param bodyTimeout          how long a request body may take to arrive ({@value #BODY_TIMEOUT})
 * @param maxStreamsPerAddress open streams per client address, 0 for no limit ({@value StreamSlots#MAX_STREAMS})
 */
record EdgeSettings(int publishMaxBytes, Duration bodyTimeout, int maxStreamsPerAddress) {

    /** Embedded only: seconds a request body may take to arrive, from its first byte to its last. */
    static final String BODY_TIMEOUT = "beacon.body.timeout";
    /** Any other body: the largest other one Beacon reads is a job request; no other endpoint reads one. */
    static final int OTHER_MAX_BYTES = JobsResource.MAX_REQUEST_BYTES;

    static EdgeSettings of(BeaconConfig config) {
        return new EdgeSettings(config.publishMaxBytes(),
                Duration.ofMillis(Math.round(config.decimal(BODY_TIMEOUT, 10, 0.05, 3600) * 1000)),
                config.integer(StreamSlots.MAX_STREAMS, 32, 0, 1_000_000));
    }
}
