package dev.beacon.server;

import dev.beacon.config.BeaconConfig;
import dev.beacon.progress.JobsResource;

import java.time.Duration;

/**
 * The edge's limits, from the settings.
 *
 * @param publishMaxBytes      largest publish body ({@code beacon.publish.max-bytes})
 * @param bodyTimeout          how long a request body may take to arrive ({@value BeaconConfig#BODY_TIMEOUT})
 * @param maxStreamsPerAddress open streams per client address, 0 for no limit ({@value StreamSlots#MAX_STREAMS})
 */
record EdgeSettings(int publishMaxBytes, Duration bodyTimeout, int maxStreamsPerAddress) {

    /** Any other body: the largest other one Beacon reads is a job request; no other endpoint reads one. */
    static final int OTHER_MAX_BYTES = JobsResource.MAX_REQUEST_BYTES;

    static EdgeSettings of(BeaconConfig config) {
        return new EdgeSettings(config.publishMaxBytes(), config.bodyTimeout(),
                config.integer(StreamSlots.MAX_STREAMS, 32, 0, 1_000_000));
    }
}
