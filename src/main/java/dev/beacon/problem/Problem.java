package dev.beacon.problem;

import dev.beacon.hub.CapacityException;
import dev.beacon.hub.InvalidInputException;
import dev.beacon.hub.StoreUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem body: status, a title from the status, and a detail meant for the person who sent the request. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    private static final System.Logger LOG = System.getLogger(Problem.class.getName());

    private Problem() {
    }

    /**
     * The answer to a request Beacon refuses: a {@link ProblemException}'s own, 400 for input the hub refuses, 429 for
     * a full hub, 503 with a short {@code Retry-After} for a store that cannot be reached (logged once). The exception
     * mappers answer with it on JAX-RS, the transports below JAX-RS directly, so both say the same. Null for any other
     * exception: a bug, not a refusal.
     */
    public static Response refusal(RuntimeException exception) {
        if (exception instanceof ProblemException problem) {
            return problem.getResponse();
        } else if (exception instanceof WebApplicationException other) {
            return response(other.getResponse().getStatus(), other.getMessage());
        } else if (exception instanceof InvalidInputException) {
            return response(400, exception.getMessage());
        } else if (exception instanceof CapacityException) {
            return response(429, exception.getMessage());
        } else if (exception instanceof StoreUnavailableException) {
            LOG.log(System.Logger.Level.WARNING, "Store unavailable: {0}", exception.getMessage());
            return Response.fromResponse(response(503, exception.getMessage()))
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .build();
        }
        return null;
    }

    public static Response response(int status, String detail) {
        return Response.status(status)
                .type(MEDIA)
                .entity(json(status, detail))
                .build();
    }

    /** Serialised here, as text, so it is written the same way on every JAX-RS implementation. */
    static String json(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", known != null ? known.getReasonPhrase() : "HTTP " + status)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        return body.build().toString();
    }
}
