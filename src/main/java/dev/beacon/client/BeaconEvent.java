package dev.beacon.client;

/**
 * One event of a subscription.
 *
 * @param id    its id, the position to resume after (Beacon's ids are decimal numbers increasing across all topics)
 * @param topic the topic it was published to (from Beacon's {@code topic:} line; on a stream without one, the
 *              subscription's topic when it has exactly one, else null)
 * @param event its name; {@code message} when the publisher gave none
 * @param data  its data, lines joined with LF; JSON when it was published as JSON
 */
public record BeaconEvent(String id, String topic, String event, String data) {
}
