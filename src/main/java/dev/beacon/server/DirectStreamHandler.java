package dev.beacon.server;

import dev.beacon.cors.CorsFilter;
import dev.beacon.problem.Problem;
import dev.beacon.stream.SseResponseHeaders;
import dev.beacon.stream.StreamRequest;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers what {@link StreamFilter} does not turn into a stream, on {@code /api/streams...}: a CORS preflight, a method
 * other than {@code GET} (405), a subscription the filter refused (its problem is noted on the request), as
 * problem+json with the CORS headers, and a {@code HEAD} the filter let through (the stream's headers and no body),
 * through Grizzly's HTTP layer like any other answer.
 */
final class DirectStreamHandler extends HttpHandler {

    static final String CONTEXT = StreamRequest.PATH;
    private final CorsFilter cors;

    DirectStreamHandler(CorsFilter cors) {
        this.cors = cors;
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        String origin = request.getHeader("Origin");
        if (request.getMethod() == Method.OPTIONS && !cors.preflightHeaders(origin).isEmpty()) {
            response.setStatus(204);
            cors.preflightHeaders(origin).forEach(response::addHeader);
            return;
        }
        cors.responseHeaders(origin).forEach(response::addHeader);
        if (request.getAttribute(StreamFilter.PROBLEM) instanceof jakarta.ws.rs.core.Response problem) {
            answer(response, problem);
        } else if (Boolean.TRUE.equals(request.getAttribute(StreamFilter.HEAD))) {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            SseResponseHeaders.HEADERS.forEach(response::setHeader);
        } else if (request.getMethod() != Method.GET) {
            answer(response, Problem.response(405, "Subscribe with GET"));
        } else {
            // The filter turns every GET of a stream path into a stream or a noted refusal; another path is none.
            answer(response, Problem.response(404, "No such stream: " + request.getRequestURI()));
        }
    }

    private static void answer(Response response, jakarta.ws.rs.core.Response problem) throws IOException {
        byte[] body = String.valueOf(problem.getEntity()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.getStatus());
        // WWW-Authenticate of a 401 or 403, Retry-After of a 503
        problem.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
