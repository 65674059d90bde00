package dev.beacon.auth;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Names;
import dev.beacon.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Optional;

/**
 * Who may do what, for every transport: the JAX-RS filter and the embedded direct transport both ask here.
 *
 * <p>With a JWT key configured ({@code beacon.jwt.*}), an anonymous client may subscribe only to topics that match
 * {@value #PUBLIC_TOPICS}; any other subscription needs a token whose {@code subscribe} grant matches every topic.
 * Publishing needs a {@code publish} grant, or the static {@code beacon.publish.token}; starting and cancelling jobs a
 * {@code publish} grant on the job's topic ({@code job-*} to start one), or the static token. With no key configured,
 * subscribing is open, publishing needs the static token (and is off without one), and jobs need the static token
 * when one is set.
 */
@ApplicationScoped
public class AccessControl {

    public static final String PUBLIC_TOPICS = "beacon.topics.public";
    static final String DEFAULT_PUBLIC_TOPICS = "alerts,clock,stats,ticker";
    private static final String REALM = "Bearer realm=\"beacon\"";
    private static final System.Logger LOG = System.getLogger(AccessControl.class.getName());

    @Inject
    BeaconConfig config;

    private Optional<TokenVerifier> verifier;
    private TopicPatterns publicTopics;
    private Optional<byte[]> staticToken;

    @PostConstruct
    void start() {
        verifier = TokenVerifier.from(config);
        try {
            publicTopics = TopicPatterns.parse(config.text(PUBLIC_TOPICS).orElse(DEFAULT_PUBLIC_TOPICS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Setting " + PUBLIC_TOPICS + ": " + e.getMessage(), e);
        }
        staticToken = config.publishToken().map(token -> token.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the settings at start-up, so a bad key fails the start rather than the first request. */
    void validate(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (tokensEnabled()) {
            // Which copy verifies: an app server may carry its own, older one.
            LOG.log(Level.INFO, "Access control on: tokens verified by nimbus-jose-jwt {0}; public topics {1}",
                    String.valueOf(com.nimbusds.jose.JWSObject.class.getPackage().getImplementationVersion()),
                    publicTopics);
        }
    }

    /** True when verifying a token may wait for a JWK set to be fetched ({@code beacon.jwt.jwks}). */
    public boolean verifyMayWait() {
        return config.text(JwtKeys.JWKS).isPresent();
    }

    /** True when a JWT key is configured. */
    public boolean tokensEnabled() {
        return verifier.isPresent();
    }

    /**
     * Lets the request through, or refuses it with a problem: 401 for a missing, bad or expired token, 403 for a
     * token without the right (or publishing switched off), 400 for a bad topic name.
     *
     * @param topics topic names, or prefixes ending in {@code *} that the right must cover
     */
    public Caller authorize(Right right, Collection<String> topics, Credentials credentials) {
        topics.forEach(AccessControl::checkName);
        return switch (right) {
            case SUBSCRIBE -> subscribe(topics, credentials);
            case PUBLISH, RUN_JOBS -> publish(right, topics, credentials);
            case IDENTIFY -> verifier.isEmpty() ? open() : identify(credentials);
        };
    }

    private Caller subscribe(Collection<String> topics, Credentials credentials) {
        if (verifier.isEmpty()) {
            return open();
        }
        Caller caller = identify(credentials);
        for (String topic : topics) {
            if (!caller.maySubscribe(topic)) {
                throw credentials.present()
                        ? forbidden("The token does not grant subscribe to '" + topic + "'")
                        : unauthorized("Topic '" + topic + "' is not public: send a token whose beacon.subscribe "
                        + "grants it, as 'Authorization: Bearer <token>' or the " + Credentials.COOKIE + " cookie",
                        true);
            }
        }
        return caller;
    }

    private Caller publish(Right right, Collection<String> topics, Credentials credentials) {
        if (staticToken.isEmpty() && verifier.isEmpty()) {
            if (right == Right.RUN_JOBS) {
                return open();
            }
            throw new ProblemException(403, "Publishing over HTTP is switched off. Set " + BeaconConfig.PUBLISH_TOKEN
                    + " (or " + BeaconConfig.envName(BeaconConfig.PUBLISH_TOKEN)
                    + ") to a secret and send it as 'Authorization: Bearer <token>'.");
        }
        if (!credentials.present()) {
            throw unauthorized(verifier.isEmpty() ? "Send the publish token as 'Authorization: Bearer <token>'"
                    : "Send a token whose beacon.publish grants " + topics + " as 'Authorization: Bearer <token>'",
                    verifier.isPresent());
        }
        if (isStaticToken(credentials.token())) {
            return new Caller("static token", publicTopics::matches, null);
        }
        if (verifier.isEmpty()) {
            throw unauthorized("The publish token is wrong", true);
        }
        Grants grants = verify(credentials.token());
        for (String topic : topics) {
            boolean granted = topic.endsWith("*")
                    ? grants.publish().coversPrefix(topic.substring(0, topic.length() - 1))
                    : grants.publish().matches(topic);
            if (!granted) {
                throw forbidden("The token does not grant publish to '" + topic + "'");
            }
        }
        return caller(grants);
    }

    /** The caller a token (or none) makes; only with a JWT key configured. */
    private Caller identify(Credentials credentials) {
        if (!credentials.present()) {
            return new Caller("anonymous", publicTopics::matches, null);
        }
        if (isStaticToken(credentials.token())) {
            return new Caller("static token", publicTopics::matches, null);
        }
        return caller(verify(credentials.token()));
    }

    private Caller caller(Grants grants) {
        return new Caller(grants.subject() == null ? "token" : grants.subject(),
                topic -> publicTopics.matches(topic) || grants.subscribe().matches(topic), grants.expires());
    }

    private static Caller open() {
        return new Caller("anonymous", topic -> true, null);
    }

    private Grants verify(String token) {
        try {
            return verifier.orElseThrow().verify(token);
        } catch (TokenVerifier.InvalidTokenException e) {
            throw unauthorized("The token is not valid: " + e.getMessage(), true);
        } catch (TokenVerifier.KeysUnavailableException e) {
            LOG.log(Level.WARNING, "Cannot verify tokens: the JWK set is unavailable ({0})", e.getMessage());
            ProblemException problem = new ProblemException(503, "Tokens cannot be verified now; try again shortly");
            problem.getResponse().getHeaders().putSingle(HttpHeaders.RETRY_AFTER, "5");
            throw problem;
        }
    }

    private boolean isStaticToken(String token) {
        // Constant time, so the token cannot be guessed byte by byte from response times.
        return staticToken.filter(expected -> MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), expected))
                .isPresent();
    }

    private static void checkName(String topic) {
        Names.topic(topic.endsWith("*") ? topic.substring(0, topic.length() - 1) : topic);
    }

    /**
     * RFC 6750: {@code error="invalid_token"} for a bad or expired token, and (as Beacon's tokens are its only way in)
     * for a missing one where tokens are in use; the static token alone keeps its plain challenge.
     */
    private static ProblemException unauthorized(String detail, boolean invalidToken) {
        return challenge(401, detail, invalidToken ? REALM + ", error=\"invalid_token\"" : REALM);
    }

    private static ProblemException forbidden(String detail) {
        return challenge(403, detail, REALM + ", error=\"insufficient_scope\"");
    }

    private static ProblemException challenge(int status, String detail, String header) {
        ProblemException problem = new ProblemException(status, detail);
        problem.getResponse().getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, header);
        return problem;
    }
}
