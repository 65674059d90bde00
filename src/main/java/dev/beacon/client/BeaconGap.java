package dev.beacon.client;

/**
 * Beacon's {@code beacon-gap} event: the subscription resumed from a position the hub could no longer serve, so
 * events between it and the first event that follows were missed. The events that follow are every event the hub
 * still retains after that position.
 *
 * @param lastEventId the position the subscription asked to resume after
 * @param reason      {@code expired} (older than what the hub retains) or {@code unknown} (an id this hub never gave
 *                    out, such as one from before a restart of a hub that keeps its events in memory)
 */
public record BeaconGap(String lastEventId, String reason) {
}
