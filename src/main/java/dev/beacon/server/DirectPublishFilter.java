package dev.beacon.server;

import dev.beacon.cors.CorsFilter;
import dev.beacon.hub.HubEvent;
import dev.beacon.problem.Problem;
import dev.beacon.problem.Refusals;
import dev.beacon.topics.PublishTarget;
import dev.beacon.topics.Publishing;
import jakarta.ws.rs.core.Response;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Answers {@code POST /api/topics/{topic}/events} at Grizzly's HTTP codec, without Jersey: its request processing
 * (routing, injection, filters, entity providers) was most of a publish's cost (docs/performance.md). The edge has
 * checked the request and gathered its body by then, within the limit and the deadline; {@link Publishing} decides the
 * rest, as for the JAX-RS resource. The answer is the resource's: 201 with the event's {@code Location} and
 * {@code {"id":...,"topic":...}}, or the problem the exception mappers would give, with the CORS headers of an allowed
 * origin (the edge adds the security headers to every answer), through Grizzly's codec, which keeps the connection
 * alive or closes it as it would for Jersey's answer.
 *
 * <p>What is not exactly a publish URI (a trailing {@code /}, matrix parameters), or wants an answer other than JSON,
 * goes on to Jersey, which answers it as before.
 */
final class DirectPublishFilter extends BaseFilter implements AddOn {

    private final Publishing publishing;
    private final CorsFilter cors;

    DirectPublishFilter(Publishing publishing, CorsFilter cors) {
        this.publishing = publishing;
        this.cors = cors;
    }

    /** Goes right before Grizzly's HTTP server filter, after the edge has checked the request and gathered its body. */
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        EdgeFilter.addBeforeHttpServer(builder, this);
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)
                || request.getMethod() != Method.POST || !content.isLast()) {
            return ctx.getInvokeAction();
        }
        PublishTarget target = PublishTarget.of(request.getRequestURI(), request.getQueryString());
        String api = target == null ? null : api(request);
        if (api == null || !Publishing.acceptsJson(request.getHeader(Header.Accept))) {
            return ctx.getInvokeAction();
        }
        byte[] body = bytes(content.getContent(), publishing.maxBytes() + 1);
        Executor workers = publishing.mayWait() ? ctx.getConnection().getTransport().getWorkerThreadPool() : null;
        if (workers == null) {
            publish(ctx, request, target, api, body);
            return ctx.getStopAction();
        }
        // This is an I/O thread, which must never wait: the connection's next read waits for the answer instead.
        NextAction suspended = ctx.getSuspendAction();
        ctx.suspend();
        workers.execute(() -> {
            try {
                publish(ctx, request, target, api, body);
            } finally {
                ctx.resume(ctx.getStopAction());
            }
        });
        return suspended;
    }

    private void publish(FilterChainContext ctx, HttpRequestPacket request, PublishTarget target, String api,
                         byte[] body) {
        Map<String, String> corsHeaders = cors.responseHeaders(request.getHeader("Origin"));
        try {
            publishing.admit(target.topic(), request.getHeader(Header.Authorization),
                    request.getHeader(Header.ContentLength));
            HubEvent event = publishing.publish(target, request.getHeader(Header.ContentType), body);
            HttpResponsePacket response = response(request, 201);
            response.addHeader(Header.Location, api + Publishing.location(event));
            answer(ctx, response, corsHeaders, "application/json", Publishing.json(event));
        } catch (RuntimeException refused) {
            Response problem = Refusals.of(refused);
            HttpResponsePacket response = response(request, problem.getStatus());
            // WWW-Authenticate of a 401 or 403, Retry-After of a 503
            problem.getStringHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase(Header.ContentType.toString())) {
                    values.forEach(value -> response.addHeader(name, value));
                }
            });
            answer(ctx, response, corsHeaders, Problem.MEDIA_TYPE,
                    String.valueOf(problem.getEntity()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] bytes(Buffer content, int atMost) {
        byte[] bytes = new byte[Math.min(content.remaining(), atMost)];
        content.get(bytes);
        return bytes;
    }

    private static HttpResponsePacket response(HttpRequestPacket request, int status) {
        HttpResponsePacket response = request.getResponse();
        response.setStatus(status);
        response.setReasonPhrase(EdgeAnswer.reason(status));
        return response;
    }

    /**
     * The whole answer in one write through the codec, which then hears that the response is complete, as it does
     * from Grizzly's HTTP server: it keeps the connection for the next request, or closes it.
     */
    private static void answer(FilterChainContext ctx, HttpResponsePacket response, Map<String, String> corsHeaders,
                               String type, byte[] body) {
        corsHeaders.forEach(response::addHeader);
        response.setContentType(type);
        response.setContentLength(body.length);
        ctx.write(HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), body)).last(true)
                .build());
        ctx.notifyDownstream(HttpServerFilter.RESPONSE_COMPLETE_EVENT);
    }

    /**
     * The API's absolute URI, from the request's {@code Host}, as Jersey builds its base URI on Grizzly; null for a
     * {@code Host} that makes no URI, which is left to Jersey.
     */
    private static String api(HttpRequestPacket request) {
        try {
            return new URI("http", null, request.serverName().toString(), request.getServerPort(), "/api/", null, null)
                    .toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
