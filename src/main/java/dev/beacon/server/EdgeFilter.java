package dev.beacon.server;

import dev.beacon.config.BeaconConfig;
import dev.beacon.edge.SecurityHeaders;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.GenericCloseListener;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The embedded runner's edge: every request passes here, right after Grizzly's codec has parsed its head and before
 * anything else reads it. A request target that Grizzly or Jersey would fail on ({@link RequestTarget}), a malformed
 * {@code Content-Type} or {@code Accept} ({@link RequestHeaders}), a body over its limit or slower than its deadline, and a stream beyond the client address's
 * share ({@link StreamSlots}) are answered here with a problem and the connection closed. A body is gathered here
 * ({@link BodyGathering}), so the request reaches a worker thread only once it is whole. Every answer leaving through
 * Grizzly's HTTP server gets {@link SecurityHeaders} here.
 */
final class EdgeFilter extends BaseFilter implements AddOn {

    private static final Pattern STREAM = Pattern.compile("/api/(streams(/.*)?|counter(/async)?|jobs/[^/]+/events)");
    private static final Pattern PUBLISH = Pattern.compile("/api/topics/[^/]+/events");
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Attribute<EdgeConnection> STATE = Grizzly.DEFAULT_ATTRIBUTE_BUILDER
            .createAttribute(EdgeFilter.class.getName() + ".state");

    private final EdgeSettings settings;
    private final StreamSlots slots;
    private final ScheduledExecutorService scheduler;

    EdgeFilter(EdgeSettings settings, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.slots = new StreamSlots(settings.maxStreamsPerAddress());
        this.scheduler = scheduler;
    }

    /** Goes right before Grizzly's HTTP server filter (and the direct transport's filter, which is added later). */
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        addBeforeHttpServer(builder, this);
    }

    /** Puts a filter right before Grizzly's HTTP server filter: it sees each request once the codec has parsed it. */
    static void addBeforeHttpServer(FilterChainBuilder builder, Filter filter) {
        int index = builder.indexOfType(HttpServerFilter.class);
        if (index < 0) {
            throw new IllegalStateException("Grizzly's HTTP server filter is not in the filter chain");
        }
        builder.add(index, filter);
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        Connection<?> connection = ctx.getConnection();
        EdgeConnection state = state(connection);
        BodyGathering gathering = state.gathering(request);
        if (gathering != null) {
            return more(ctx, state, gathering, content);
        }
        String refusal = refusal(request);
        if (refusal != null) {
            EdgeAnswer.problem(connection, 400, refusal);
            return ctx.getStopAction();
        }
        int limit = limit(request);
        if (request.getContentLength() > limit || content.getContent().remaining() > limit) {
            EdgeAnswer.problem(connection, 413, tooLarge(request, limit));
            return ctx.getStopAction();
        }
        if (request.getMethod() == Method.GET && STREAM.matcher(request.getRequestURI()).matches()
                && !holdStream(connection, state)) {
            return ctx.getStopAction();
        }
        return content.isLast() ? ctx.getInvokeAction() : gather(ctx, state, request, limit, content);
    }

    private static String refusal(HttpRequestPacket request) {
        String target = RequestTarget.problem(request.getRequestURI(), request.getQueryString());
        return target != null ? target : RequestHeaders.problem(request);
    }

    private int limit(HttpRequestPacket request) {
        return request.getMethod() == Method.POST && PUBLISH.matcher(request.getRequestURI()).matches()
                ? settings.publishMaxBytes() : EdgeSettings.OTHER_MAX_BYTES;
    }

    private String tooLarge(HttpRequestPacket request, int limit) {
        return "The body is larger than " + limit + " bytes" + (limit == settings.publishMaxBytes()
                && PUBLISH.matcher(request.getRequestURI()).matches() ? " (beacon.publish.max-bytes)" : "");
    }

    /** A stream of this client address: within its share, or a 429 (true when it may go on). */
    private boolean holdStream(Connection<?> connection, EdgeConnection state) {
        String address = address(connection);
        StreamSlots.Slot slot = slots.take(address);
        if (slot == null) {
            EdgeAnswer.problem(connection, 429, "This address already has " + slots.max() + " streams open ("
                    + StreamSlots.MAX_STREAMS + "); close one first", Map.of("Retry-After", "5"));
            return false;
        }
        state.hold(slot);
        return true;
    }

    private NextAction gather(FilterChainContext ctx, EdgeConnection state, HttpRequestPacket request, int limit,
                              HttpContent first) {
        Connection<?> connection = ctx.getConnection();
        BodyGathering gathering = new BodyGathering(request, limit);
        gathering.add(first);
        state.gather(gathering);
        Duration timeout = settings.bodyTimeout();
        gathering.deadline(scheduler.schedule(() -> {
            if (state.endGathering(gathering)) {
                EdgeAnswer.problem(connection, 408, "The request body did not arrive within " + timeout.toMillis()
                        + " ms (" + BeaconConfig.BODY_TIMEOUT + ")");
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS));
        if ("100-continue".equalsIgnoreCase(request.getHeader(Header.Expect))) {
            // The client waits for this before it sends the body; Grizzly's server would only send it once the
            // request reaches it, which here is after the body. (It sends its own then: 1xx answers may repeat.)
            EdgeAnswer.write(connection, CONTINUE);
        }
        return ctx.getStopAction();
    }

    private NextAction more(FilterChainContext ctx, EdgeConnection state, BodyGathering gathering,
                            HttpContent content) {
        if (HttpContent.isBroken(content)) {
            state.endGathering(gathering); // the codec has answered the malformed body and closes
            return ctx.getStopAction();
        }
        if (!gathering.add(content)) {
            if (state.endGathering(gathering)) {
                EdgeAnswer.problem(ctx.getConnection(), 413, tooLarge(gathering.request, limit(gathering.request)));
            }
            return ctx.getStopAction();
        }
        if (!content.isLast()) {
            return ctx.getStopAction();
        }
        if (!state.endGathering(gathering)) {
            return ctx.getStopAction(); // its deadline came first: it has been answered
        }
        ctx.setMessage(gathering.whole(ctx.getConnection()));
        return ctx.getInvokeAction();
    }

    /** Answers leaving through Grizzly's HTTP server: the security headers, and the end of a stream's answer. */
    @Override
    public NextAction handleWrite(FilterChainContext ctx) {
        if (ctx.getMessage() instanceof HttpPacket packet) {
            if (packet.getHttpHeader() instanceof HttpResponsePacket response && !response.isCommitted()) {
                SecurityHeaders.HEADERS.forEach((name, value) -> {
                    if (!response.containsHeader(name)) {
                        response.setHeader(name, value);
                    }
                });
            }
            if (packet instanceof HttpContent content && content.isLast()) {
                EdgeConnection state = STATE.get(ctx.getConnection());
                if (state != null) {
                    state.releaseStream();
                }
            }
        }
        return ctx.getInvokeAction();
    }

    /** The connection's state, made on its first request, with what its close releases. */
    private static EdgeConnection state(Connection<?> connection) {
        EdgeConnection state = STATE.get(connection);
        if (state == null) {
            state = new EdgeConnection();
            STATE.set(connection, state);
            EdgeConnection closing = state;
            connection.addCloseListener((GenericCloseListener) (closed, type) -> closing.close());
        }
        return state;
    }

    private static String address(Connection<?> connection) {
        return connection.getPeerAddress() instanceof InetSocketAddress peer && peer.getAddress() != null
                ? peer.getAddress().getHostAddress() : String.valueOf(connection.getPeerAddress());
    }

    /** Open streams of an address now: for tests. */
    int streamsOpen(String address) {
        return slots.open(address);
    }
}
