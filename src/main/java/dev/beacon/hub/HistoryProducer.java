package dev.beacon.hub;

import dev.beacon.config.BeaconConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.time.Clock;

/** Chooses the history store. In memory for now; the seam where durable and Redis stores plug in. */
@ApplicationScoped
public class HistoryProducer {

    @Inject
    BeaconConfig config;

    /**
     * Dependent, so no client proxy: the hub, its one user, holds the store itself for as long as it lives. Delivery
     * reads the history several times per write, and a proxy would cost a context lookup and a reflective call (with
     * boxed arguments) each time. Code that wants the history asks the hub.
     */
    @Produces
    History history() {
        return new InMemoryHistory(config.historySize(), config.historyAge(), Clock.systemUTC());
    }
}
