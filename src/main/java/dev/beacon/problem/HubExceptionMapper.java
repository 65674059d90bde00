package dev.beacon.problem;

import dev.beacon.hub.InvalidInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** What the hub refuses: invalid input is a 400, a full hub a 429. */
@Provider
public class HubExceptionMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException exception) {
        if (exception instanceof InvalidInputException) {
            return Problem.response(400, exception.getMessage());
        }
        // Any other IllegalArgumentException is a bug of ours, not bad input: keep it a 500.
        return new UnexpectedExceptionMapper().toResponse(exception);
    }
}
