package dev.beacon.stream;

import dev.beacon.auth.AccessControl;
import dev.beacon.auth.Caller;
import dev.beacon.auth.Credentials;
import dev.beacon.auth.Right;
import dev.beacon.concurrent.BeaconExecutors;
import dev.beacon.config.BeaconConfig;
import dev.beacon.cors.CorsFilter;
import dev.beacon.edge.SecurityHeaders;
import dev.beacon.hub.Hub;
import dev.beacon.hub.HubEvent;
import dev.beacon.hub.Subscription;
import dev.beacon.problem.Problem;
import dev.beacon.problem.Refusals;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The WAR's stream transport: on an app server, a {@code GET} of {@code /api/streams...} becomes a hub subscription
 * here, before JAX-RS, written by {@link ServletChannel} with Servlet non-blocking output. JAX-RS's per-event work
 * (an {@code OutboundSseEvent}, its writer, the sink's own queue and flush, per subscriber and event) was most of the
 * server's CPU per delivery on Payara and WildFly (README, Performance); here a delivery is a copy of pre-framed bytes.
 * <p>
 * The same {@link StreamRequest}, {@link TopicFilters}, {@link UnavailableTopics}, access rules and CORS policy decide
 * as on the JAX-RS resource, and a refusal is the same problem+json answer, before anything is written. Every other
 * method ({@code HEAD}, a preflight) goes on to JAX-RS, as does everything with {@code beacon.transport=portable}.
 */
@WebFilter(urlPatterns = {"/api/streams", "/api/streams/*"}, asyncSupported = true)
public class ServletStreams implements Filter {

    private static final System.Logger LOG = System.getLogger(ServletStreams.class.getName());

    @Inject
    BeaconConfig config;

    @Inject
    Hub hub;

    @Inject
    TopicFilters filters;

    @Inject
    UnavailableTopics unavailable;

    @Inject
    CorsFilter cors;

    @Inject
    AccessControl access;

    @Inject
    BeaconExecutors executors;

    private boolean direct;

    @Override
    public void init(FilterConfig filterConfig) {
        direct = config.directTransport();
        LOG.log(System.Logger.Level.INFO, direct ? "Hub streams: Servlet non-blocking output"
                : "Hub streams: JAX-RS SseEventSink (" + BeaconConfig.TRANSPORT + "=portable)");
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!direct || !(servletRequest instanceof HttpServletRequest request)
                || !(servletResponse instanceof HttpServletResponse response) || !"GET".equals(request.getMethod())) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!StreamRequest.isStreamPath(path)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        Map<String, String> corsHeaders = cors.responseHeaders(request.getHeader("Origin"));
        try {
            open(request, response, path, corsHeaders);
        } catch (RuntimeException e) {
            answer(response, Refusals.of(e), corsHeaders);
        }
    }

    /**
     * Everything is checked, and the subscription made, before the request turns asynchronous, so a refusal is still
     * a plain answer; the hub's first frames wait in the channel until then.
     */
    private void open(HttpServletRequest request, HttpServletResponse response, String path,
                      Map<String, String> corsHeaders) throws IOException {
        MultivaluedMap<String, String> query = QueryParameters.parse(request.getQueryString());
        StreamRequest stream = StreamRequest.ofPath(path, query.get("topic"), request.getHeader(LastEventId.HEADER),
                query.getFirst("lastEventId"));
        Predicate<HubEvent> filter = filters.of(stream.topics(), query);
        unavailable.check(stream.topics());
        hub.checkTopics(stream.topics());
        Caller caller = access.authorize(Right.SUBSCRIBE, stream.topics(), Credentials.of(request.getMethod(),
                request.getHeader("Authorization"), request.getHeader("Cookie")));
        ServletChannel channel = new ServletChannel();
        Subscription subscription = StreamDeadline.subscribe(caller.expires().orElse(null), executors.scheduler(),
                channel, subscribed -> hub.subscribe(stream.topics(), stream.lastEventId(), filter, subscribed));
        try {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            SseResponseHeaders.HEADERS.forEach(response::setHeader);
            SecurityHeaders.HEADERS.forEach(response::setHeader);
            corsHeaders.forEach(response::setHeader);
            AsyncContext async = request.startAsync();
            async.setTimeout(0); // a stream lasts as long as the client stays; the heartbeat finds one that left
            channel.start(async, subscription);
        } catch (IOException | RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    /** The refusal as problem+json, with its own headers ({@code WWW-Authenticate}, {@code Retry-After}) and CORS. */
    private static void answer(HttpServletResponse response, Response refusal, Map<String, String> corsHeaders)
            throws IOException {
        byte[] body = String.valueOf(refusal.getEntity()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(refusal.getStatus());
        refusal.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        corsHeaders.forEach(response::setHeader);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
