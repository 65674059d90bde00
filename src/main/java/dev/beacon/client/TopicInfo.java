package dev.beacon.client;

/**
 * A topic's figures, as {@code GET /api/topics} reports them.
 *
 * @param topic       its name
 * @param subscribers subscribers connected now
 * @param published   events published since the hub started
 * @param delivered   deliveries written (one event to ten subscribers counts ten)
 * @param droppedSlow subscribers closed because they fell too far behind
 * @param retained    events kept for resuming
 */
public record TopicInfo(String topic, long subscribers, long published, long delivered, long droppedSlow,
                        long retained) {
}
