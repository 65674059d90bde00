package dev.beacon.problem;

import jakarta.ws.rs.WebApplicationException;

/** Thrown where input is refused; becomes a problem response with the given status and detail. */
public class ProblemException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public ProblemException(int status, String detail) {
        super(detail, Problem.response(status, detail));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, detail);
    }
}
