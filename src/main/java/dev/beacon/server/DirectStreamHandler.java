package dev.beacon.server;

import dev.beacon.cors.CorsFilter;
import dev.beacon.hub.CapacityException;
import dev.beacon.hub.Hub;
import dev.beacon.hub.HubEvent;
import dev.beacon.hub.InvalidInputException;
import dev.beacon.hub.Subscription;
import dev.beacon.problem.Problem;
import dev.beacon.stream.StreamRequest;
import dev.beacon.stream.TopicFilters;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.GenericCloseListener;
import org.glassfish.grizzly.IOEvent;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /api/streams...} on Grizzly directly, for the embedded runner: the same requests, filters, CORS headers,
 * answers and stream as {@link dev.beacon.stream.StreamsResource}, without JAX-RS in the way of each write (see the
 * README's Performance section). A client that leaves is released as soon as Grizzly sees its connection close.
 */
final class DirectStreamHandler extends HttpHandler {

    static final String CONTEXT = "/api/streams";
    private final Hub hub;
    private final TopicFilters filters;
    private final CorsFilter cors;

    DirectStreamHandler(Hub hub, TopicFilters filters, CorsFilter cors) {
        this.hub = hub;
        this.filters = filters;
        this.cors = cors;
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        String origin = request.getHeader("Origin");
        if (request.getMethod() == Method.OPTIONS && !cors.preflightHeaders(origin).isEmpty()) {
            response.setStatus(204);
            withCors(response, cors.preflightHeaders(origin));
            return;
        }
        withCors(response, cors.responseHeaders(origin));
        try {
            if (request.getMethod() != Method.GET) {
                throw problem(405, "Subscribe with GET");
            }
            StreamRequest stream = parse(request);
            open(stream, filters.of(stream.topics(), query(request)), request, response);
        } catch (CharConversionException e) {
            answer(response, Problem.response(400, "The request path is not valid UTF-8"));
        } catch (WebApplicationException e) {
            answer(response, e.getResponse());
        }
    }

    private static StreamRequest parse(Request request) throws CharConversionException {
        String path = request.getDecodedRequestURI().substring(CONTEXT.length());
        String header = request.getHeader("Last-Event-ID");
        String query = request.getParameter("lastEventId");
        if (path.isEmpty() || path.equals("/")) {
            String[] topics = request.getParameterValues("topic");
            return StreamRequest.ofTopics(topics == null ? List.of() : Arrays.asList(topics), header, query);
        }
        String topic = path.substring(1);
        if (topic.contains("/")) {
            throw problem(404, "No such stream: " + CONTEXT + path);
        }
        return StreamRequest.ofTopic(topic, header, query);
    }

    private static MultivaluedMap<String, String> query(Request request) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        request.getParameterMap().forEach((name, values) -> query.addAll(name, values));
        return query;
    }

    /**
     * The topics are checked before anything is written, so a refusal is still a 4xx. Then the headers (chunked
     * transfer coding) go out through Grizzly's HTTP layer and the chunks through {@link GrizzlyChannel}.
     */
    private void open(StreamRequest stream, Predicate<HubEvent> filter, Request request, Response response)
            throws IOException {
        try {
            hub.checkTopics(stream.topics());
        } catch (InvalidInputException e) {
            answer(response, Problem.response(400, e.getMessage()));
            return;
        }
        Connection<?> connection = request.getContext().getConnection();
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        response.suspend();
        response.flush();
        Subscription subscription;
        try {
            subscription = hub.subscribe(stream.topics(), stream.lastEventId(), filter, new GrizzlyChannel(response, connection));
        } catch (CapacityException e) {
            connection.closeSilently(); // the topic limit was reached since the check: nothing to say on a started stream
            return;
        }
        connection.addCloseListener((GenericCloseListener) (closed, type) -> subscription.close());
        watchForClose(connection);
    }

    /**
     * Grizzly stops reading a connection while its request is open, so a client that leaves would be noticed only by
     * the next heartbeat write. Reading again lets its close arrive at once, and the close listener releases it.
     */
    private static void watchForClose(Connection<?> connection) {
        try {
            connection.enableIOEvent(IOEvent.READ);
        } catch (IOException e) {
            connection.closeSilently();
        }
    }

    private static void withCors(Response response, Map<String, String> headers) {
        if (!headers.isEmpty()) {
            response.setHeader("Vary", "Origin");
            headers.forEach(response::setHeader);
        }
    }

    private static WebApplicationException problem(int status, String detail) {
        return new WebApplicationException(detail, Problem.response(status, detail));
    }

    private static void answer(Response response, jakarta.ws.rs.core.Response problem) throws IOException {
        byte[] body = String.valueOf(problem.getEntity()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.getStatus());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
