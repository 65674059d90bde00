package dev.beacon.topics;

import dev.beacon.config.BeaconConfig;
import dev.beacon.edge.SecurityHeaders;
import dev.beacon.hub.HubEvent;
import dev.beacon.problem.Problem;
import dev.beacon.problem.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The answer to a publish that {@link PublishServletFilter} took, as the JAX-RS resource gives it: 201 with the
 * event's {@code Location} and {@code {"id":...,"topic":...}}, or the problem the exception mappers give (with its
 * {@code WWW-Authenticate} or {@code Retry-After}); with the CORS headers of an allowed origin and
 * {@link SecurityHeaders}.
 */
final class ServletAnswer {

    private final HttpServletResponse response;
    private final String api;
    private final Map<String, String> corsHeaders;

    /** @param api the API's absolute URI, ending in {@code /}, which the {@code Location} is below */
    ServletAnswer(HttpServletResponse response, String api, Map<String, String> corsHeaders) {
        this.response = response;
        this.api = api;
        this.corsHeaders = corsHeaders;
    }

    /** Publishes the event the body holds and answers; a refusal is answered as a problem. */
    void publish(Publishing publishing, PublishTarget target, String contentType, byte[] body) {
        HubEvent event;
        try {
            event = publishing.publish(target, contentType, body);
        } catch (RuntimeException refused) {
            refused(refused);
            return;
        }
        response.setHeader("Location", api + Publishing.location(event));
        write(201, "application/json", Publishing.json(event));
    }

    void refused(RuntimeException failure) {
        Response problem = Refusals.of(failure);
        problem.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        write(problem.getStatus(), Problem.MEDIA_TYPE,
                String.valueOf(problem.getEntity()).getBytes(StandardCharsets.UTF_8));
    }

    /** The body did not arrive within {@code beacon.body.timeout}: a 408, as the embedded runner's edge answers. */
    void late(long millis) {
        String detail = "The request body did not arrive within " + millis + " ms (" + BeaconConfig.BODY_TIMEOUT + ")";
        response.setHeader("Connection", "close"); // the rest of the body is never read
        write(408, Problem.MEDIA_TYPE, String.valueOf(Problem.response(408, detail).getEntity())
                .getBytes(StandardCharsets.UTF_8));
    }

    private void write(int status, String type, byte[] body) {
        response.setStatus(status);
        corsHeaders.forEach(response::setHeader);
        SecurityHeaders.HEADERS.forEach(response::setHeader);
        response.setContentType(type);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException clientGone) {
            // Nobody is left to tell; the publish, if it was one, stands, as on every other path.
        }
    }
}
