package dev.beacon.topics;

import dev.beacon.config.BeaconConfig;
import dev.beacon.cors.CorsFilter;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * On an app server: answers {@code POST /api/topics/{topic}/events} with the servlet API alone, before the request
 * reaches JAX-RS, whose request processing was most of a publish's cost (docs/performance.md). {@link Publishing}
 * decides, as for the JAX-RS resource: the caller and a declared length first, then the body (read as it arrives,
 * {@link PublishBody}: no thread waits for a slow client, and it has {@code beacon.body.timeout} to arrive), then the
 * publish. The answer is the resource's ({@link ServletAnswer}), with the CORS headers of an allowed origin and the
 * security headers.
 *
 * <p>Everything else goes down the chain to JAX-RS: other methods and paths, a publish URI that is not exactly one
 * (a trailing {@code /}, matrix parameters, a malformed escape), a request that does not accept JSON, and every
 * publish with {@code beacon.transport=portable}, which keeps the JAX-RS resource serving (and tested) on app servers.
 */
@WebFilter(urlPatterns = "/api/topics/*", asyncSupported = true)
public class PublishServletFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Publishing publishing;

    @Inject
    transient CorsFilter cors;

    @Inject
    transient BeaconConfig config;

    private boolean direct;
    private long timeoutMillis;

    @Override
    public void init() {
        direct = config.directTransport();
        timeoutMillis = config.bodyTimeout().toMillis();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        PublishTarget target = direct && "POST".equals(request.getMethod()) ? PublishTarget.of(
                request.getRequestURI().substring(request.getContextPath().length()), request.getQueryString())
                : null;
        if (target == null || !Publishing.acceptsJson(request.getHeader("Accept"))) {
            chain.doFilter(request, response);
            return;
        }
        ServletAnswer answer = new ServletAnswer(response, api(request), cors.responseHeaders(
                request.getHeader("Origin")));
        try {
            publishing.admit(target.topic(), request.getHeader("Authorization"), request.getHeader("Content-Length"));
        } catch (RuntimeException refused) {
            answer.refused(refused);
            return;
        }
        read(request, target, answer);
    }

    /**
     * Reads the body as it comes ({@link PublishBody}). Not even a body that has come with the head is read at once
     * without it: asking {@code available()} first reads ahead on WildFly (Undertow), and a body that then had not
     * all come was now and then never handed to the listener that followed (4 publishes of about 160,000 got a 408 at
     * the deadline; none of 80,000 without the question).
     */
    private void read(HttpServletRequest request, PublishTarget target, ServletAnswer answer) throws IOException {
        String contentType = request.getHeader("Content-Type");
        ServletInputStream input = request.getInputStream();
        long declared = request.getContentLengthLong(); // at most the limit: admitted
        if (!request.isAsyncSupported()) {
            // Some filter of the deployment before this one cannot go asynchronous: read as the resource would.
            answer.publish(publishing, target, contentType, input.readNBytes(publishing.maxBytes() + 1));
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(timeoutMillis);
        PublishBody body = new PublishBody(async, input, declared, publishing.maxBytes() + 1,
                bytes -> answer.publish(publishing, target, contentType, bytes), () -> answer.late(timeoutMillis));
        async.addListener(body);
        body.register();
    }

    /** The API's absolute URI, as JAX-RS on a servlet container builds its base URI: from the request's URL. */
    private static String api(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath() + "/api/";
    }
}
