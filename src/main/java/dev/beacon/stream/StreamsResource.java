package dev.beacon.stream;

import dev.beacon.concurrent.BeaconExecutors;
import dev.beacon.hub.Hub;
import dev.beacon.hub.HubEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.List;
import java.util.function.Predicate;

/**
 * Subscribing. Everything that can be wrong with a request (no topic, a bad topic name, a malformed
 * {@code Last-Event-ID}) is answered with a 400 before the stream starts, and a topic whose feature could not start
 * ({@link UnavailableTopics}) with a 503: a browser's EventSource gives up for good on
 * any status but 200, while it reconnects after a stream that ends. Query parameters that name a {@link TopicFilter}
 * ({@code ?severity=high}) narrow what the subscriber receives.
 */
@Path("streams")
@ApplicationScoped
public class StreamsResource {

    public static final String LAST_EVENT_ID = "Last-Event-ID";
    @Inject
    Hub hub;
    @Inject
    BeaconExecutors executors;

    @Inject
    TopicFilters filters;

    @Inject
    UnavailableTopics unavailable;

    @GET
    @Path("{topic}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void topic(@PathParam("topic") String topic,
                      @HeaderParam(LAST_EVENT_ID) String lastEventIdHeader,
                      @QueryParam("lastEventId") String lastEventIdQuery,
                      @Context UriInfo uri,
                      @Context SseEventSink sink) {
        StreamRequest request = StreamRequest.ofTopic(topic, lastEventIdHeader, lastEventIdQuery);
        open(request, filters.of(request.topics(), uri.getQueryParameters()), sink);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void topics(@QueryParam("topic") List<String> topics,
                       @HeaderParam(LAST_EVENT_ID) String lastEventIdHeader,
                       @QueryParam("lastEventId") String lastEventIdQuery,
                       @Context UriInfo uri,
                       @Context SseEventSink sink) {
        StreamRequest request = StreamRequest.ofTopics(topics, lastEventIdHeader, lastEventIdQuery);
        open(request, filters.of(request.topics(), uri.getQueryParameters()), sink);
    }

    /** Subscribes the sink; shared with the features that stream a topic of their own with a filter. */
    public void open(StreamRequest request, Predicate<HubEvent> filter, SseEventSink sink) {
        unavailable.check(request.topics());
        hub.subscribe(request.topics(), request.lastEventId(), filter, new SinkChannel(sink, executors.delivery()));
    }

    /**
     * Like {@link #open}, for a stream with an end: the stream is closed right after the event that {@code last}
     * accepts has been written (a job's {@code complete}, say), not before.
     */
    public void openUntil(List<String> topics, Long lastEventId, Predicate<HubEvent> filter, Predicate<HubEvent> last,
                          SseEventSink sink) {
        EndingChannel channel = new EndingChannel(new SinkChannel(sink, executors.delivery()), last);
        channel.subscribed(hub.subscribe(topics, lastEventId, channel.watching(filter), channel));
    }
}
