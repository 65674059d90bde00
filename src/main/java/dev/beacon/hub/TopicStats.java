package dev.beacon.hub;

/**
 * What {@code GET /api/topics} reports per topic.
 *
 * @param topic        the topic name
 * @param subscribers  subscribers connected now
 * @param published    events published since start
 * @param delivered    event deliveries written to subscribers (one event to ten subscribers counts ten)
 * @param droppedSlow  subscribers closed because their queue overflowed
 * @param retained     events kept in history now
 */
public record TopicStats(String topic, int subscribers, long published, long delivered, long droppedSlow,
                         int retained) {
}
