package dev.beacon.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every {@link Guarded} resource method before it runs, so a refusal (401, 403) comes before any stream starts
 * and before a body is read; then puts the {@link Caller} into the request's security context for the resource.
 */
@Provider
@ApplicationScoped
@Guarded(Right.IDENTIFY)
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

    @Inject
    AccessControl access;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Guarded guarded = resource.getResourceMethod().getAnnotation(Guarded.class);
        if (guarded == null) {
            guarded = resource.getResourceClass().getAnnotation(Guarded.class);
        }
        Credentials credentials = Credentials.of(request.getMethod(),
                request.getHeaderString(HttpHeaders.AUTHORIZATION), request.getHeaderString("Cookie"));
        Caller caller = access.authorize(guarded.value(), topics(guarded, request), credentials);
        request.setSecurityContext(new CallerContext(caller, request.getSecurityContext()));
    }

    /** The topics the annotation names, read from the request's path and query parameters (decoded). */
    private static List<String> topics(Guarded guarded, ContainerRequestContext request) {
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        List<String> topics = new ArrayList<>();
        for (String template : guarded.topics()) {
            if (template.startsWith("?")) {
                List<String> values = request.getUriInfo().getQueryParameters().get(template.substring(1));
                if (values != null) {
                    topics.addAll(values);
                }
            } else {
                int open = template.indexOf('{');
                int close = template.indexOf('}');
                topics.add(open < 0 ? template : template.substring(0, open)
                        + path.getFirst(template.substring(open + 1, close)) + template.substring(close + 1));
            }
        }
        return topics;
    }

    /** The original context, with the caller as its principal. */
    private record CallerContext(Caller caller, SecurityContext original) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return original != null && original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
