package dev.beacon.server;

import dev.beacon.auth.AccessControl;
import dev.beacon.auth.Caller;
import dev.beacon.auth.Credentials;
import dev.beacon.auth.Right;
import dev.beacon.cors.CorsFilter;
import dev.beacon.edge.SecurityHeaders;
import dev.beacon.hub.CapacityException;
import dev.beacon.hub.Hub;
import dev.beacon.hub.HubEvent;
import dev.beacon.hub.InvalidInputException;
import dev.beacon.hub.StoreUnavailableException;
import dev.beacon.hub.Subscription;
import dev.beacon.problem.Problem;
import dev.beacon.stream.LastEventId;
import dev.beacon.stream.SseResponseHeaders;
import dev.beacon.stream.StreamDeadline;
import dev.beacon.stream.StreamRequest;
import dev.beacon.stream.TopicFilters;
import dev.beacon.stream.UnavailableTopics;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.GenericCloseListener;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.utils.IdleTimeoutFilter;
import org.glassfish.jersey.uri.UriComponent;

import java.io.CharConversionException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Opens event streams at Grizzly's HTTP codec, before its HTTP server builds a {@code Request} and a {@code Response}
 * for them. A suspended Grizzly request holds about 14 KB of buffers and parsers for as long as the stream lasts; here
 * a stream holds its connection, its channel and its place in the hub, and the parsed request is garbage once the
 * filter has returned (README, Performance).
 *
 * <p>Only a {@code GET} of {@code /api/streams...} that the hub accepts becomes a stream here. Anything else goes on to
 * {@link DirectStreamHandler}: other methods and preflights as they are, a subscription the hub or the access rules
 * refuse with the refusal noted on the request ({@link #PROBLEM}), for the handler to answer as problem+json through
 * Grizzly's HTTP layer, and a {@code HEAD} that passed every check ({@link #HEAD}), answered with the stream's headers
 * alone. The same {@link StreamRequest}, {@link TopicFilters}, {@link UnavailableTopics}, access rules and CORS policy as the JAX-RS resource
 * decide; the stream ends when the token it was opened with expires.
 */
final class StreamFilter extends BaseFilter implements AddOn {

    /** Request attribute: the problem answer for a subscription that was refused. */
    static final String PROBLEM = "dev.beacon.stream.problem";
    /** Request attribute: a {@code HEAD} the checks let through, answered with the stream's headers alone. */
    static final String HEAD = "dev.beacon.stream.head";
    private static final Attribute<Boolean> STREAMING = Grizzly.DEFAULT_ATTRIBUTE_BUILDER
            .createAttribute(StreamFilter.class.getName() + ".streaming");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private final Hub hub;
    private final TopicFilters filters;
    private final UnavailableTopics unavailable;
    private final CorsFilter cors;
    private final AccessControl access;
    private final ScheduledExecutorService scheduler;

    StreamFilter(Hub hub, TopicFilters filters, UnavailableTopics unavailable, CorsFilter cors, AccessControl access,
                 ScheduledExecutorService scheduler) {
        this.hub = hub;
        this.filters = filters;
        this.unavailable = unavailable;
        this.cors = cors;
        this.access = access;
        this.scheduler = scheduler;
    }

    /** Goes right before Grizzly's HTTP server filter, after the codec has parsed the request and the edge let it by. */
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        EdgeFilter.addBeforeHttpServer(builder, this);
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        Connection<?> connection = ctx.getConnection();
        if (Boolean.TRUE.equals(STREAMING.get(connection))) {
            // Bytes after the request on a stream's connection: no client of a stream sends any. Cut it off rather
            // than let a second response interleave with the events.
            connection.closeSilently();
            return ctx.getStopAction();
        }
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)
                || (request.getMethod() != Method.GET && request.getMethod() != Method.HEAD)) {
            return ctx.getInvokeAction();
        }
        String path;
        try {
            path = request.getRequestURIRef().getDecodedURI();
        } catch (CharConversionException e) {
            return refuse(ctx, request, StreamRequest.isStreamPath(request.getRequestURI()), 400,
                    "The request path is not valid UTF-8");
        }
        if (!StreamRequest.isStreamPath(path)) {
            return ctx.getInvokeAction();
        }
        if (!content.isLast()) {
            return refuse(ctx, request, true, 400, "A subscription has no request body");
        }
        try {
            return open(ctx, request, path);
        } catch (WebApplicationException e) {
            request.setAttribute(PROBLEM, e.getResponse());
            return ctx.getInvokeAction();
        }
    }

    private static NextAction refuse(FilterChainContext ctx, HttpRequestPacket request, boolean ours, int status,
                                     String detail) {
        if (ours) {
            request.setAttribute(PROBLEM, Problem.response(status, detail));
        }
        return ctx.getInvokeAction();
    }

    /**
     * Everything is checked, and the subscription made, before anything is written, so a refusal is still a 4xx. The
     * response head then goes out with the hub's first frames through {@link GrizzlyChannel}; the connection has no
     * idle timeout from here on (the heartbeat keeps it busy and finds a client that is gone).
     */
    private NextAction open(FilterChainContext ctx, HttpRequestPacket request, String path) {
        MultivaluedMap<String, String> query = query(request.getQueryString());
        StreamRequest stream = StreamRequest.ofPath(path, query.get("topic"), request.getHeader(LastEventId.HEADER),
                query.getFirst("lastEventId"));
        Predicate<HubEvent> filter = filters.of(stream.topics(), query);
        unavailable.check(stream.topics());
        Caller caller;
        try {
            hub.checkTopics(stream.topics());
            caller = access.authorize(Right.SUBSCRIBE, stream.topics(), Credentials.of(
                    request.getMethod().getMethodString(), request.getHeader("Authorization"),
                    request.getHeader("Cookie")));
        } catch (InvalidInputException e) {
            throw new WebApplicationException(e.getMessage(), Problem.response(400, e.getMessage()));
        }
        if (request.getMethod() == Method.HEAD) {
            request.setAttribute(HEAD, Boolean.TRUE); // everything checked; nothing to hold
            return ctx.getInvokeAction();
        }
        Connection<?> connection = ctx.getConnection();
        boolean chunked = request.getProtocol() == Protocol.HTTP_1_1;
        GrizzlyChannel channel = new GrizzlyChannel(connection, chunked,
                head(chunked, cors.responseHeaders(request.getHeader("Origin"))));
        Subscription subscription;
        try {
            // Subscribed before anything is written: the head goes out with the opening comment, so a client that
            // has the head is subscribed, and a refusal here is still a 4xx.
            subscription = StreamDeadline.subscribe(caller.expires().orElse(null), scheduler, channel,
                    subscribed -> hub.subscribe(stream.topics(), stream.lastEventId(), filter, subscribed));
        } catch (CapacityException e) {
            throw new WebApplicationException(e.getMessage(), Problem.response(429, e.getMessage()));
        } catch (StoreUnavailableException e) {
            // A resume from an id this node has not read yet asks the store whether it gave the id out.
            throw new WebApplicationException(e.getMessage(), Problem.response(503, e.getMessage()));
        }
        STREAMING.set(connection, true);
        IdleTimeoutFilter.setCustomTimeout(connection, -1, TimeUnit.SECONDS);
        connection.addCloseListener((GenericCloseListener) (closed, type) -> subscription.close());
        return ctx.getStopAction();
    }

    /**
     * The query string, decoded by Jersey as the JAX-RS resource's query parameters are (so both transports read
     * {@code ?topic=}, {@code ?lastEventId=} and the filters alike); a malformed escape is a 400.
     */
    static MultivaluedMap<String, String> query(String raw) {
        try {
            return raw == null ? new MultivaluedHashMap<>() : UriComponent.decodeQuery(raw, true);
        } catch (IllegalArgumentException e) {
            String detail = "The query string is not valid: " + e.getMessage();
            throw new WebApplicationException(detail, Problem.response(400, detail));
        }
    }

    /**
     * The response head, with the JAX-RS resource's headers: the event stream type,
     * {@link SseResponseHeaders#HEADERS} (no caching, no proxy buffering), {@link SecurityHeaders#HEADERS}, the CORS
     * headers of an allowed origin.
     * HTTP/1.1 gets the chunked coding; an HTTP/1.0 client reads to the end of the connection.
     */
    private static byte[] head(boolean chunked, Map<String, String> corsHeaders) {
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 200 OK\r\n");
        BiConsumer<String, String> header = (name, value) -> head.append(name).append(": ").append(value)
                .append("\r\n");
        header.accept("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        header.accept("Content-Type", "text/event-stream");
        SseResponseHeaders.HEADERS.forEach(header);
        SecurityHeaders.HEADERS.forEach(header);
        corsHeaders.forEach(header);
        if (chunked) {
            header.accept("Transfer-Encoding", "chunked");
        } else {
            header.accept("Connection", "close");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
