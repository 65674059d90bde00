package dev.beacon.problem;

import dev.beacon.hub.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The history store cannot be reached or written: 503 with a short Retry-After; the detail says which store. */
@Provider
public class StoreUnavailableExceptionMapper implements ExceptionMapper<StoreUnavailableException> {

    @Override
    public Response toResponse(StoreUnavailableException exception) {
        return Problem.refusal(exception);
    }
}
