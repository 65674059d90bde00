package dev.beacon.topics;

import dev.beacon.auth.AccessControl;
import dev.beacon.auth.Credentials;
import dev.beacon.auth.Right;
import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Hub;
import dev.beacon.hub.HubEvent;
import dev.beacon.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Publishing over HTTP, whatever carries the request: the JAX-RS resource, the embedded runner's direct path and the
 * WAR's servlet filter all check and publish here, so one set of rules decides. A publish passes two steps, in the
 * order the JAX-RS resource has always taken them: {@link #admit} (the topic's name, the caller's right, a declared
 * length over the limit) before a byte of the body is read, then {@link #publish} (the body's size, type, charset and
 * content, then the hub). Each refusal is a {@link ProblemException}, or an exception of the hub, which
 * {@link dev.beacon.problem.Refusals} turns into the answer the exception mappers give.
 */
@ApplicationScoped
public class Publishing {

    @Inject
    Hub hub;

    @Inject
    AccessControl access;

    @Inject
    BeaconConfig config;

    private int maxBytes;
    private boolean mayWait;

    @PostConstruct
    void start() {
        maxBytes = config.publishMaxBytes(); // read once: it is asked for on every publish
        mayWait = !BeaconConfig.STORE_MEMORY.equals(config.store()) || access.verifyMayWait();
    }

    /**
     * True when a publish may wait for I/O: a store outside the process (a file's commit, Redis) or a JWK set that is
     * fetched. A transport that answers on an I/O thread hands such publishes to a worker; the memory store and
     * configured keys never wait, so those are answered where they are read.
     */
    public boolean mayWait() {
        return mayWait;
    }

    /** The largest body ({@code beacon.publish.max-bytes}); a transport reads at most one byte more. */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Lets the request on to its body, or refuses it: 400 for a bad topic name, 401 or 403 (with
     * {@code WWW-Authenticate}) for a caller without the right, 403 while HTTP publishing is off, 413 for a declared
     * length over the limit, 400 for a malformed one.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param contentLength the {@code Content-Length} header, or null
     */
    public void admit(String topic, String authorization, String contentLength) {
        // A publish never takes its token from a cookie (see Credentials), so none is passed.
        access.authorize(Right.PUBLISH, List.of(topic), Credentials.of("POST", authorization, null));
        checkDeclaredLength(contentLength);
    }

    /** A declared length over the limit is refused before a byte of the body is read. */
    void checkDeclaredLength(String contentLength) {
        if (contentLength == null) {
            return;
        }
        try {
            if (Long.parseLong(contentLength.trim()) > maxBytes) {
                throw PublishRequest.tooLarge(maxBytes);
            }
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Malformed Content-Length");
        }
    }

    /**
     * Reads the event from the body and publishes it.
     *
     * @param contentType the {@code Content-Type} header, or null
     * @param body        the body, of which at most {@link #maxBytes()} + 1 bytes need to have been read
     * @return the published event, with its id
     */
    public HubEvent publish(PublishTarget target, String contentType, byte[] body) {
        PublishRequest request = PublishRequest.read(mediaType(contentType), body, maxBytes, target.event(),
                target.retry());
        return hub.publish(target.topic(), request.event(), request.data(), request.retry());
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Malformed Content-Type '" + contentType + "'");
        }
    }

    /** The answer's body, {@code {"id":"...","topic":"..."}}, as the resource's JSON binding writes it. */
    public static byte[] json(HubEvent event) {
        // Neither needs escaping: an id is decimal digits, a topic name is from [A-Za-z0-9._~:-].
        return ("{\"id\":\"" + event.idText() + "\",\"topic\":\"" + event.topic() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The event's URI below the API's root ({@code /api/}): where the answer's {@code Location} points. */
    public static String location(HubEvent event) {
        return "topics/" + event.topic() + "/events/" + event.idText();
    }

    /**
     * True when the answer's {@code application/json} is acceptable: no {@code Accept}, or a range that takes it.
     * Otherwise the request is left to JAX-RS, whose answer is a 406.
     */
    public static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            for (String range : accept.split(",")) {
                MediaType type = MediaType.valueOf(range.trim());
                if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !"0".equals(quality(type))) {
                    return true;
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    private static String quality(MediaType type) {
        String q = type.getParameters().get("q");
        return q == null ? null : q.replaceAll("\\.0*$", "");
    }
}
