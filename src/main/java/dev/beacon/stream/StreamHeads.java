package dev.beacon.stream;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * {@code HEAD} on an event stream: the stream's headers and nothing else. JAX-RS answers a {@code HEAD} by running the
 * {@code GET} method and dropping the body, which for a stream would start it (a generator, a subscription) on a
 * connection that never reads it. Here it is answered before the method runs, after the access checks (a private
 * topic is still a 401), so it holds nothing.
 */
@Provider
@Priority(Priorities.USER)
public class StreamHeads implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    /** Set on a request that came as {@code HEAD}. */
    static final String HEAD = StreamHeads.class.getName() + ".head";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(HEAD) != null && producesStream(resource.getResourceMethod(),
                resource.getResourceClass())) {
            request.abortWith(Response.ok().type(MediaType.SERVER_SENT_EVENTS_TYPE).build());
        }
    }

    /**
     * Notes a {@code HEAD} before the request is matched: Jersey routes it to the {@code GET} method as a {@code GET},
     * so after matching its method no longer says so.
     */
    @Provider
    @PreMatching
    public static class HeadMarker implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            if (HttpMethod.HEAD.equals(request.getMethod())) {
                request.setProperty(HEAD, Boolean.TRUE);
            }
        }
    }

    private static boolean producesStream(Method method, Class<?> type) {
        Produces produces = method == null ? null : method.getAnnotation(Produces.class);
        // The class may be a CDI proxy of the resource, which does not carry its annotations: look up the hierarchy.
        for (Class<?> at = type; produces == null && at != null && at != Object.class; at = at.getSuperclass()) {
            produces = at.getAnnotation(Produces.class);
        }
        return produces != null && Arrays.stream(produces.value())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(value -> MediaType.valueOf(value.trim()).isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE));
    }
}
