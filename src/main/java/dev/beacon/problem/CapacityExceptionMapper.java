package dev.beacon.problem;

import dev.beacon.hub.CapacityException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A configured limit was reached: 429, and the detail names the setting. */
@Provider
public class CapacityExceptionMapper implements ExceptionMapper<CapacityException> {

    @Override
    public Response toResponse(CapacityException exception) {
        return Problem.response(429, exception.getMessage());
    }
}
