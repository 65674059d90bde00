package dev.beacon.topics;

import dev.beacon.auth.AccessFilter;
import dev.beacon.auth.Caller;
import dev.beacon.auth.Guarded;
import dev.beacon.auth.Right;
import dev.beacon.hub.Hub;
import dev.beacon.hub.HubEvent;
import dev.beacon.hub.TopicStats;
import dev.beacon.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** Publishing over HTTP and the hub's figures per topic. */
@Path("topics")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TopicsResource {

    @Inject
    Hub hub;

    @Inject
    Publishing publishing;

    /** Only the topics the caller may subscribe to: a private topic's name (a job's id, say) is not shown to others. */
    @GET
    @Guarded(Right.IDENTIFY)
    public List<TopicStats> topics(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return hub.stats().stream().filter(stats -> caller.maySubscribe(stats.topic())).toList();
    }

    @GET
    @Path("{topic}")
    @Guarded(value = Right.SUBSCRIBE, topics = "{topic}")
    public TopicStats topic(@PathParam("topic") String topic) {
        return hub.stats(topic).orElseThrow(() -> new ProblemException(404, "No topic '" + topic + "' yet"));
    }

    /**
     * The JAX-RS way to publish: what the direct path embedded and {@link PublishServletFilter} in the WAR leave to it
     * (and everything, with {@code beacon.transport=portable}). {@link AccessFilter} has admitted the caller; the
     * rest is {@link Publishing}'s, as on those paths.
     */
    @POST
    @Path("{topic}/events")
    @Consumes(MediaType.WILDCARD)
    @Guarded(value = Right.PUBLISH, topics = "{topic}")
    public Response publish(@PathParam("topic") String topic,
                            @QueryParam("event") String event,
                            @QueryParam("retry") String retry,
                            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            @Context UriInfo uri,
                            InputStream body) throws IOException {
        publishing.checkDeclaredLength(contentLength);
        HubEvent published = publishing.publish(new PublishTarget(topic, event, retry), contentType,
                body.readNBytes(publishing.maxBytes() + 1));
        URI location = uri.getBaseUriBuilder().path(TopicsResource.class).path(TopicsResource.class, "event")
                .build(topic, published.idText());
        return Response.created(location).entity(new Published(published.idText(), published.topic())).build();
    }

    @GET
    @Path("{topic}/events/{id}")
    @Guarded(value = Right.SUBSCRIBE, topics = "{topic}")
    public EventView event(@PathParam("topic") String topic, @PathParam("id") String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Event ids are decimal numbers, got '" + id + "'");
        }
        return hub.find(topic, number).map(EventView::of)
                .orElseThrow(() -> new ProblemException(404, "Event " + id + " of topic '" + topic
                        + "' is not retained"));
    }

    /** The answer to a publish; {@link Publishing#json} writes the same for the other paths. */
    public record Published(String id, String topic) {
    }

    /** A retained event, as JSON. */
    public record EventView(String id, String topic, String event, String data, Long retry, long timestamp) {

        static EventView of(HubEvent e) {
            return new EventView(e.idText(), e.topic(), e.name(), e.data(),
                    e.retry() == HubEvent.NO_RETRY ? null : e.retry(), e.timestamp());
        }
    }
}
