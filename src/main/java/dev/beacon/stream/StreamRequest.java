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

    /** Where streams are, inside the application. */
    public static final String PATH = "/api/streams";

    /**
     * A stream as the transports below JAX-RS see it: {@code path} (decoded, inside the application) is {@link #PATH}
     * for {@link #ofTopics}, or one segment more for {@link #ofTopic}; anything deeper is no stream (404).
     */
    public static StreamRequest ofPath(String path, List<String> topicParameters, String lastEventIdHeader,
                                       String lastEventIdQuery) {
        String rest = path.substring(PATH.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return ofTopics(topicParameters, lastEventIdHeader, lastEventIdQuery);
        }
        if (rest.charAt(0) != '/' || rest.indexOf('/', 1) >= 0) {
            throw new ProblemException(404, "No such stream: " + path);
        }
        return ofTopic(rest.substring(1), lastEventIdHeader, lastEventIdQuery);
    }

    /** True for {@link #PATH} and the paths under it. */
    public static boolean isStreamPath(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

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
