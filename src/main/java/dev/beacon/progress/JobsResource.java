package dev.beacon.progress;

import dev.beacon.problem.ProblemException;
import dev.beacon.stream.LastEventId;
import dev.beacon.stream.SinkStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.SseEventSink;

import java.io.StringReader;
import java.net.URI;
import java.util.List;

/**
 * {@code POST /api/jobs} starts a job ({@code {"kind": "training", "params": {...}}}) and answers 202 with its
 * {@code Location}; {@code GET /api/jobs/{id}} is its status, {@code GET /api/jobs/{id}/events} its stream, which ends
 * after the one end event; {@code DELETE /api/jobs/{id}} cancels it.
 */
@Path("jobs")
@ApplicationScoped
public class JobsResource {

    @Inject
    Jobs jobs;

    @Inject
    SinkStreams streams;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(String body, @Context UriInfo uri) {
        JsonObject request = parse(body);
        JsonValue kind = request.get("kind");
        if (kind == null || kind.getValueType() != JsonValue.ValueType.STRING) {
            throw ProblemException.badRequest("Name the job's kind: {\"kind\": \"training\", \"params\": {...}}");
        }
        JsonValue params = request.get("params");
        if (params != null && params.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.badRequest("params must be a JSON object");
        }
        String id = jobs.submit(request.getString("kind"), params == null ? null : params.asJsonObject());
        URI location = uri.getBaseUriBuilder().path(JobsResource.class).path(id).build();
        return Response.accepted(jobs.status(id, events(uri, id)).orElseThrow()).location(location).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public JobStatus status(@PathParam("id") String id, @Context UriInfo uri) {
        return jobs.status(id, events(uri, id)).orElseThrow(() -> Jobs.unknown(id));
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public JobStatus cancel(@PathParam("id") String id, @Context UriInfo uri) {
        if (!jobs.cancel(id)) {
            throw new ProblemException(409, "Job '" + id + "' has already ended; there is nothing to cancel");
        }
        return status(id, uri);
    }

    /**
     * Without {@code Last-Event-ID} the stream starts at the job's first event, so a late subscriber gets all of it.
     * A client that already has the end event gets 204: an EventSource stops for good instead of reconnecting.
     */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @HeaderParam(LastEventId.HEADER) String lastEventId,
                       @QueryParam("lastEventId") String lastEventIdQuery, @Context SseEventSink sink) {
        Job job = jobs.findAnywhere(id).orElseThrow(() -> Jobs.unknown(id));
        Long last = LastEventId.parse(lastEventId, lastEventIdQuery);
        if (job.hasSentEnd(last)) {
            throw new WebApplicationException(Response.noContent().build());
        }
        // The started event is for rebuilding the job's status; its stream begins with the first progress.
        streams.openUntil(List.of(job.topic), last != null ? last : job.origin,
                event -> !JobStarted.EVENT.equals(event.name()), event -> JobState.isEndEvent(event.name()), sink);
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ProblemException.badRequest("The body must be a JSON object: " + e.getMessage());
        }
    }

    private static String events(UriInfo uri, String id) {
        return uri.getBaseUriBuilder().path(JobsResource.class).path(id).path("events").build().getRawPath();
    }
}
