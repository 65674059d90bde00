package dev.beacon.relay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/relay}: the relay's upstream, topic and interval, and how many polls failed. */
@Path("relay")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RelayResource {

    @Inject
    UpstreamRelay relay;

    @GET
    public RelayStatus status() {
        return relay.status();
    }
}
