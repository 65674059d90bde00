package dev.beacon.server;

import dev.beacon.problem.Problem;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * Grizzly's own error answers (a handler that failed, a server shutting down) as problem+json, never its HTML page
 * with the stack trace. The last line of defence: the edge answers what a client can send wrong before it gets here.
 */
final class ProblemPages implements ErrorPageGenerator {

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        request.getResponse().setContentType(Problem.MEDIA_TYPE);
        String detail = status >= 500 ? "The server failed to answer this request" : description;
        return String.valueOf(Problem.response(status, detail).getEntity());
    }
}
