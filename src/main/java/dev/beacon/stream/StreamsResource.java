package dev.beacon.stream;

import dev.beacon.auth.Caller;
import dev.beacon.auth.Guarded;
import dev.beacon.auth.Right;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.List;

/**
 * Subscribing. Everything that can be wrong with a request (no topic, a bad topic name, a malformed
 * {@code Last-Event-ID}) is answered with a 400 before the stream starts, and a topic whose feature could not start
 * ({@link UnavailableTopics}) with a 503: a browser's EventSource gives up for good on
 * any status but 200, while it reconnects after a stream that ends. Query parameters that name a {@link TopicFilter}
 * ({@code ?severity=high}) narrow what the subscriber receives. Who may subscribe to what is checked before, by
 * {@link dev.beacon.auth.AccessFilter}.
 */
@Path("streams")
@ApplicationScoped
public class StreamsResource {

    @Inject
    SinkStreams streams;

    @Inject
    TopicFilters filters;

    @GET
    @Path("{topic}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Guarded(value = Right.SUBSCRIBE, topics = "{topic}")
    public void topic(@PathParam("topic") String topic,
                      @HeaderParam(LastEventId.HEADER) String lastEventIdHeader,
                      @QueryParam("lastEventId") String lastEventIdQuery,
                      @Context UriInfo uri,
                      @Context SecurityContext security,
                      @Context SseEventSink sink) {
        StreamRequest request = StreamRequest.ofTopic(topic, lastEventIdHeader, lastEventIdQuery);
        open(request, uri, security, sink);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Guarded(value = Right.SUBSCRIBE, topics = "?topic")
    public void topics(@QueryParam("topic") List<String> topics,
                       @HeaderParam(LastEventId.HEADER) String lastEventIdHeader,
                       @QueryParam("lastEventId") String lastEventIdQuery,
                       @Context UriInfo uri,
                       @Context SecurityContext security,
                       @Context SseEventSink sink) {
        StreamRequest request = StreamRequest.ofTopics(topics, lastEventIdHeader, lastEventIdQuery);
        open(request, uri, security, sink);
    }

    /** The stream ends when the caller's token expires. */
    private void open(StreamRequest request, UriInfo uri, SecurityContext security, SseEventSink sink) {
        streams.open(request, filters.of(request.topics(), uri.getQueryParameters()), sink,
                Caller.of(security).expires().orElse(null));
    }
}
