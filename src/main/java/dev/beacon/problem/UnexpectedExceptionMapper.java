package dev.beacon.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.lang.System.Logger.Level;

/** The last resort: log the failure with its stack trace on the server, answer a bare 500 problem to the client. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        LOG.log(Level.ERROR, "Unexpected failure while answering a request", exception);
        return Problem.response(500, "The server failed to answer this request; the failure is in its log.");
    }
}
