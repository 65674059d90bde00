package dev.beacon.auth;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method {@link AccessFilter} checks before it runs. {@link #topics()} says which topics the request is
 * about, each entry one of: {@code {name}}, the path parameter's value; {@code ?name}, every value of the query
 * parameter; a fixed text around a {@code {name}} ({@code job-{id}}); a prefix ending in {@code *} ({@code job-*}:
 * every topic that starts with it, for a right that must cover topics not yet named).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Guarded {

    Right value();

    String[] topics() default {};
}
