package dev.beacon.hub;

import java.util.List;

/**
 * What {@code GET /api/topics} reports per topic.
 *
 * @param topic        the topic name
 * @param subscribers  subscribers connected now
 * @param published    events published since start (with a shared store: by every node, as long as it keeps the
 *                     topic)
 * @param delivered    event deliveries written to subscribers (one event to ten subscribers counts ten)
 * @param droppedSlow  subscribers closed because their queue overflowed
 * @param retained     events kept in history now
 * @param local        the figures that are this node's own; the others are the whole cluster's (with a shared store,
 *                     {@code published} and {@code retained})
 */
public record TopicStats(String topic, int subscribers, long published, long delivered, long droppedSlow,
                         int retained, List<String> local) {

    /** With a store of this process alone, every figure is this node's. */
    static final List<String> ALL_LOCAL = List.of("subscribers", "published", "delivered", "droppedSlow",
            "retained");
    /** With a shared store, what is counted where the subscribers are. */
    static final List<String> NODE_LOCAL = List.of("subscribers", "delivered", "droppedSlow");
}
