package dev.beacon.store;

import dev.beacon.concurrent.BeaconExecutors;
import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.History;
import dev.beacon.hub.InMemoryHistory;
import dev.beacon.store.file.FileStore;
import dev.beacon.store.file.FileStoreSettings;
import dev.beacon.store.redis.RedisStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.time.Clock;

/** Chooses the history store by {@code beacon.store}: where the hub's events are kept. */
@ApplicationScoped
public class HistoryProducer {

    @Inject
    BeaconConfig config;

    @Inject
    BeaconExecutors executors;

    /**
     * Dependent, so no client proxy: the hub, its one user, holds the store itself for as long as it lives and closes
     * it when it stops. Delivery reads the history several times per write, and a proxy would cost a context lookup and
     * a reflective call (with boxed arguments) each time. Code that wants the history asks the hub.
     *
     * @throws StoreOpenException when the configured store cannot be opened: Beacon must not start on an empty one
     */
    @Produces
    History history() {
        String store = config.store();
        Clock clock = Clock.systemUTC();
        return switch (store) {
            case BeaconConfig.STORE_MEMORY -> new InMemoryHistory(config.historySize(), config.historyAge(), clock);
            case BeaconConfig.STORE_FILE -> inFront(FileStore.open(FileStoreSettings.from(config), executors.work(),
                    executors.scheduler(), clock), clock);
            case BeaconConfig.STORE_REDIS -> inFront(RedisStore.open(config, executors::runLong), clock);
            default -> throw new IllegalArgumentException("Setting " + BeaconConfig.STORE + " ("
                    + BeaconConfig.envName(BeaconConfig.STORE) + ") is '" + store + "'; expected "
                    + BeaconConfig.STORE_MEMORY + ", " + BeaconConfig.STORE_FILE + " or " + BeaconConfig.STORE_REDIS);
        };
    }

    /** The memory ring in front of the log; the log is closed again if that fails, so its lock is not left held. */
    private History inFront(DurableLog log, Clock clock) {
        try {
            return new StoreHistory(log, config.historySize(), config.historyAge(), clock);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }
}
