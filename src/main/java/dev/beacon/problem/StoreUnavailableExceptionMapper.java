package dev.beacon.problem;

import dev.beacon.hub.StoreUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The history store cannot be reached or written: 503 with a short Retry-After; the detail says which store. */
@Provider
public class StoreUnavailableExceptionMapper implements ExceptionMapper<StoreUnavailableException> {

    private static final System.Logger LOG = System.getLogger(StoreUnavailableExceptionMapper.class.getName());

    @Override
    public Response toResponse(StoreUnavailableException exception) {
        LOG.log(System.Logger.Level.WARNING, "Store unavailable: {0}", exception.getMessage());
        return Response.fromResponse(Problem.response(503, exception.getMessage()))
                .header(HttpHeaders.RETRY_AFTER, "1")
                .build();
    }
}
