package dev.beacon.problem;

import dev.beacon.hub.InvalidInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Input the hub refuses is a 400 with the hub's own words. Only that: any other {@code IllegalArgumentException} is a
 * bug of ours, not bad input, and stays with {@link UnexpectedExceptionMapper}.
 */
@Provider
public class HubExceptionMapper implements ExceptionMapper<InvalidInputException> {

    @Override
    public Response toResponse(InvalidInputException exception) {
        return Problem.response(400, exception.getMessage());
    }
}
