package dev.beacon.problem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem body: status, a title from the status, and a detail meant for the person who sent the request. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    private Problem() {
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
