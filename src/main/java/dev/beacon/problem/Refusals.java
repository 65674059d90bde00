package dev.beacon.problem;

import dev.beacon.hub.CapacityException;
import dev.beacon.hub.InvalidInputException;
import dev.beacon.hub.StoreUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * The answer the exception mappers give to a failure, for code that answers requests outside JAX-RS (the fast publish
 * paths): the same status, headers, problem body and log line as a resource that threw it.
 */
public final class Refusals {

    private static final WebApplicationExceptionMapper APPLICATION = new WebApplicationExceptionMapper();
    private static final HubExceptionMapper INPUT = new HubExceptionMapper();
    private static final CapacityExceptionMapper CAPACITY = new CapacityExceptionMapper();
    private static final StoreUnavailableExceptionMapper STORE = new StoreUnavailableExceptionMapper();
    private static final UnexpectedExceptionMapper UNEXPECTED = new UnexpectedExceptionMapper();

    private Refusals() {
    }

    /** The problem response for {@code failure}, as the mapper JAX-RS would choose for it builds it. */
    public static Response of(RuntimeException failure) {
        if (failure instanceof WebApplicationException application) {
            return APPLICATION.toResponse(application);
        }
        if (failure instanceof InvalidInputException input) {
            return INPUT.toResponse(input);
        }
        if (failure instanceof CapacityException capacity) {
            return CAPACITY.toResponse(capacity);
        }
        if (failure instanceof StoreUnavailableException store) {
            return STORE.toResponse(store);
        }
        return UNEXPECTED.toResponse(failure);
    }
}
