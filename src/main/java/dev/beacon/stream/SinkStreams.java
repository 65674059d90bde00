package dev.beacon.stream;

import dev.beacon.concurrent.BeaconExecutors;
import dev.beacon.hub.Hub;
import dev.beacon.hub.HubEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Opens hub subscriptions on JAX-RS {@link SseEventSink}s: what {@code GET /api/streams} and the features that
 * stream a topic of their own (a job's events) share.
 */
@ApplicationScoped
public class SinkStreams {

    @Inject
    Hub hub;

    @Inject
    BeaconExecutors executors;

    @Inject
    UnavailableTopics unavailable;

    /**
     * Subscribes the sink to the request's topics, narrowed by {@code filter}; a topic whose feature could not start
     * is refused (503) before anything is written.
     *
     * @param endsAt when the stream ends (its token expires), or null for never
     */
    public void open(StreamRequest request, Predicate<HubEvent> filter, SseEventSink sink, Instant endsAt) {
        unavailable.check(request.topics());
        StreamDeadline.subscribe(endsAt, executors.scheduler(), new SinkChannel(sink, executors.delivery()),
                channel -> hub.subscribe(request.topics(), request.lastEventId(), filter, channel));
    }

    /**
     * Like {@link #open}, for a stream with an end: the stream is closed right after the event that {@code last}
     * accepts has been written (a job's {@code complete}, say), not before.
     */
    public void openUntil(List<String> topics, Long lastEventId, Predicate<HubEvent> filter, Predicate<HubEvent> last,
                          SseEventSink sink, Instant endsAt) {
        EndingChannel ending = new EndingChannel(new SinkChannel(sink, executors.delivery()), last);
        ending.subscribed(StreamDeadline.subscribe(endsAt, executors.scheduler(), ending,
                channel -> hub.subscribe(topics, lastEventId, ending.watching(filter), channel)));
    }
}
