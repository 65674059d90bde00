package dev.beacon.cors;

import dev.beacon.config.BeaconConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * Answers preflights for allowed origins before any resource is matched, and adds the CORS headers to every response
 * for an allowed origin, event streams included. {@code Vary: Origin} keeps caches from mixing origins.
 */
@Provider
@PreMatching
@ApplicationScoped
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String ORIGINS = "beacon.cors.origins";
    private static final String ORIGIN = "Origin";

    @Inject
    BeaconConfig config;

    private volatile CorsPolicy policy;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && origin != null
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            Map<String, String> headers = policy().preflight(origin);
            if (!headers.isEmpty()) {
                Response.ResponseBuilder answer = Response.noContent();
                headers.forEach(answer::header);
                request.abortWith(answer.build());
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        if (origin == null || response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            return;
        }
        Map<String, String> headers = policy().headers(origin);
        if (!headers.isEmpty()) {
            headers.forEach(response.getHeaders()::add);
        }
    }

    /** The headers a response to {@code origin} carries; empty when the origin is not allowed. */
    public Map<String, String> responseHeaders(String origin) {
        return origin == null ? Map.of() : policy().headers(origin);
    }

    /** The headers of a preflight answer to {@code origin}; empty when the origin is not allowed. */
    public Map<String, String> preflightHeaders(String origin) {
        return origin == null ? Map.of() : policy().preflight(origin);
    }

    private CorsPolicy policy() {
        CorsPolicy current = policy;
        if (current == null) {
            current = CorsPolicy.parse(config.text(ORIGINS).orElse(null));
            policy = current;
        }
        return current;
    }
}
