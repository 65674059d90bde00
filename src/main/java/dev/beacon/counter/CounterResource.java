package dev.beacon.counter;

import dev.beacon.generator.Generators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.beacon.stream.LastEventId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/counter?count=10&interval=1000}: {@code count} events one {@code interval} (ms) apart, ids 0 to
 * count - 1, then the end. Parameters are checked before the stream starts (400 otherwise). A client that reconnects
 * with {@code Last-Event-ID} continues after that id; one that already has the last event gets 204, which tells an
 * EventSource to stop for good (an ended stream alone makes it reconnect).
 */
@Path("counter")
@ApplicationScoped
@Produces(MediaType.SERVER_SENT_EVENTS)
public class CounterResource {

    @Inject
    Counter counter;

    @Inject
    Generators generators;

    @GET
    public void blocking(@QueryParam("count") String count, @QueryParam("interval") String interval,
                         @QueryParam("failAt") String failAt, @HeaderParam(LastEventId.HEADER) String last,
                         @QueryParam("lastEventId") String lastQuery, @Context SseEventSink sink) {
        CounterRequest request = CounterRequest.parse(count, interval, failAt, LastEventId.parse(last, lastQuery));
        generators.stream(sink, counter.blocking(request));
    }

    @GET
    @Path("async")
    public void async(@QueryParam("count") String count, @QueryParam("interval") String interval,
                      @QueryParam("failAt") String failAt, @HeaderParam(LastEventId.HEADER) String last,
                      @QueryParam("lastEventId") String lastQuery, @Context SseEventSink sink) {
        CounterRequest request = CounterRequest.parse(count, interval, failAt, LastEventId.parse(last, lastQuery));
        generators.stream(sink, counter.async(request));
    }
}
