package dev.beacon.generator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/generators}: how many generators run now; a stopped client's generator is gone from it. */
@Path("generators")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class GeneratorsResource {

    @Inject
    Generators generators;

    @GET
    public Running running() {
        return new Running(generators.running());
    }

    /** The answer. */
    public record Running(int running) {
    }
}
