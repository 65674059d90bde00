package dev.beacon.auth;

import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who made a request, once {@link AccessFilter} has let it through: what it may subscribe to (for resources that
 * list topics) and when its token expires (its streams end then). Resources read it from the request's
 * {@link SecurityContext}, where the filter puts it.
 */
public final class Caller implements Principal {

    /** What a resource sees when no filter identified the caller: it may do nothing. */
    static final Caller NOBODY = new Caller("nobody", topic -> false, null);

    private final String name;
    private final Predicate<String> subscribable;
    private final Instant expires;

    Caller(String name, Predicate<String> subscribable, Instant expires) {
        this.name = name;
        this.subscribable = subscribable;
        this.expires = expires;
    }

    /** The caller the filter put into the request's security context. */
    public static Caller of(SecurityContext security) {
        return security != null && security.getUserPrincipal() instanceof Caller caller ? caller : NOBODY;
    }

    /** True when it may subscribe to the topic, and so see it listed. */
    public boolean maySubscribe(String topic) {
        return subscribable.test(topic);
    }

    /** When its token expires, if it came with one that does. */
    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    /** {@code anonymous}, {@code static token}, or the token's subject. */
    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "Caller " + name;
    }
}
