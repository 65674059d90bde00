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

    @Produces
    @ApplicationScoped
    History history() {
        return new InMemoryHistory(config.historySize(), config.historyAge(), Clock.systemUTC());
    }
}
