package dev.beacon.stream;

import dev.beacon.hub.HubEvent;

import java.util.function.Predicate;

/**
 * A query parameter that narrows what a subscriber to one topic receives, such as {@code ?severity=high} on
 * {@code /api/streams/alerts}. Features contribute them as CDI beans; {@link StreamsResource} applies them, so the
 * stream package knows no feature.
 */
public interface TopicFilter {

    /** The topic whose events it filters. */
    String topic();

    /** The query parameter that carries its value. */
    String parameter();

    /**
     * The predicate for a value, applied to the events of {@link #topic()} only.
     *
     * @throws dev.beacon.problem.ProblemException a 400 for a value it cannot use, before the stream starts
     */
    Predicate<HubEvent> parse(String value);
}
