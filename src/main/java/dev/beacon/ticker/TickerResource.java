package dev.beacon.ticker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The symbols the ticker quotes, so a page can listen for each one's event name before the first quote arrives. */
@Path("ticker")
@ApplicationScoped
public class TickerResource {

    @Inject
    TickerFeed feed;

    @GET
    @Path("symbols")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> symbols() {
        return List.copyOf(feed.symbols());
    }
}
