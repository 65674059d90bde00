package dev.beacon.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the implementation's own errors (404 for an unknown path, 405, 406, 415, a malformed parameter) a problem
 * body too, so a client never has to guess the format of an error.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response response = exception.getResponse();
        if (response.getStatus() < 400) {
            return response; // not an error: a 204 that tells an EventSource to stop for good, a redirect
        }
        if (response.hasEntity() && Problem.MEDIA.isCompatible(response.getMediaType())) {
            return response;
        }
        int status = response.getStatus();
        String detail = status >= 500 ? null : exception.getMessage();
        Response.ResponseBuilder problem = Response.fromResponse(response)
                .type(Problem.MEDIA)
                .entity(Problem.json(status, detail));
        return problem.build();
    }
}
