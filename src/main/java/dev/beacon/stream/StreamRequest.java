package dev.beacon.stream;

import dev.beacon.problem.ProblemException;

import java.util.List;

/**
 * What a subscription request asks for: its topics and where to resume. Every transport reads requests through this,
 * so they all refuse the same things in the same words.
 *
 * @param topics      the topics, as given (the hub checks their names)
 * @param lastEventId where to resume, or null for live events only
 */
public record StreamRequest(List<String> topics, Long lastEventId) {

    /** {@code GET /api/streams/{topic}}. */
    public static StreamRequest ofTopic(String topic, String lastEventIdHeader, String lastEventIdQuery) {
        return new StreamRequest(List.of(topic), LastEventId.parse(lastEventIdHeader, lastEventIdQuery));
    }

    /** {@code GET /api/streams?topic=a&topic=b}. */
    public static StreamRequest ofTopics(List<String> topics, String lastEventIdHeader, String lastEventIdQuery) {
        if (topics == null || topics.isEmpty()) {
            throw ProblemException.badRequest("Name at least one topic: /api/streams?topic=a&topic=b");
        }
        return new StreamRequest(List.copyOf(topics), LastEventId.parse(lastEventIdHeader, lastEventIdQuery));
    }
}
