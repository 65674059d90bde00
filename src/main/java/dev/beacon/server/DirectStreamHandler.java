package dev.beacon.server;

import dev.beacon.hub.CapacityException;
import dev.beacon.hub.Hub;
import dev.beacon.hub.InvalidInputException;
import dev.beacon.hub.Subscription;
import dev.beacon.problem.Problem;
import dev.beacon.stream.StreamRequest;
import jakarta.ws.rs.WebApplicationException;
import org.glassfish.grizzly.GenericCloseListener;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/streams...} on Grizzly directly, for the embedded runner: the same requests, answers and stream
 * as {@link dev.beacon.stream.StreamsResource}, without JAX-RS in the way of each write (see the README's Performance
 * section for why). A client that leaves is released as soon as Grizzly sees its connection close.
 */
final class DirectStreamHandler extends HttpHandler {

    static final String CONTEXT = "/api/streams";
    private final Hub hub;

    DirectStreamHandler(Hub hub) {
        this.hub = hub;
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        StreamRequest stream;
        try {
            if (request.getMethod() != Method.GET) {
                throw problem(405, "Subscribe with GET");
            }
            stream = parse(request);
        } catch (CharConversionException e) {
            answer(response, Problem.response(400, "The request path is not valid UTF-8"));
            return;
        } catch (WebApplicationException e) {
            answer(response, e.getResponse());
            return;
        }
        open(stream, request, response);
    }

    private static StreamRequest parse(Request request) throws CharConversionException {
        String path = request.getDecodedRequestURI().substring(CONTEXT.length());
        String header = request.getHeader("Last-Event-ID");
        String query = request.getParameter("lastEventId");
        if (path == null || path.isEmpty() || path.equals("/")) {
            String[] topics = request.getParameterValues("topic");
            return StreamRequest.ofTopics(topics == null ? List.of() : Arrays.asList(topics), header, query);
        }
        String topic = path.substring(1);
        if (topic.contains("/")) {
            throw problem(404, "No such stream: " + CONTEXT + path);
        }
        return StreamRequest.ofTopic(topic, header, query);
    }

    /** Nothing is written before the hub accepts the subscription, so a refusal can still be a 4xx. */
    private void open(StreamRequest stream, Request request, Response response) throws IOException {
        response.suspend();
        Subscription subscription;
        try {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
            subscription = hub.subscribe(stream.topics(), stream.lastEventId(), event -> true,
                    new GrizzlyChannel(response));
        } catch (InvalidInputException e) {
            refuse(response, Problem.response(400, e.getMessage()));
            return;
        } catch (CapacityException e) {
            refuse(response, Problem.response(429, e.getMessage()));
            return;
        }
        request.getContext().getConnection().addCloseListener(
                (GenericCloseListener) (connection, type) -> subscription.close());
    }

    private static void refuse(Response response, jakarta.ws.rs.core.Response problem) throws IOException {
        response.reset();
        answer(response, problem);
        response.resume();
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
