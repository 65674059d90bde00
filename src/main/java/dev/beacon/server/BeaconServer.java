package dev.beacon.server;

import dev.beacon.config.BeaconConfig;
import dev.beacon.store.StoreOpenException;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mvn -q compile exec:java} or {@code java -jar target/beacon-embedded.jar}: Beacon on its own, settings from
 * system properties and the environment. SIGTERM (or Ctrl-C) ends every stream and stops within a few seconds.
 */
public final class BeaconServer {

    private static final System.Logger LOG = System.getLogger(BeaconServer.class.getName());
    /**
     * What differs from the WAR: the demo's crime-alert simulator runs, and history is kept in files, so a restart of
     * a single Beacon loses nothing (an app server keeps memory unless told: see docs/stores.md).
     */
    static final Map<String, String> DEFAULTS = Map.of(
            BeaconConfig.ALERTS_SIMULATOR, "true",
            BeaconConfig.STORE, BeaconConfig.STORE_FILE);

    private BeaconServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedServer server;
        try {
            server = EmbeddedServer.start(BeaconConfig.withDefaults(DEFAULTS));
        } catch (RuntimeException e) {
            Optional<StoreOpenException> store = cause(e, StoreOpenException.class);
            if (store.isEmpty()) {
                throw e;
            }
            // The message says what is wrong and what to do; CDI's wrapping of it would only bury it.
            LOG.log(Level.ERROR, "Beacon did not start: " + store.get().getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.log(Level.INFO, "Stopping Beacon");
            server.close();
            stopped.countDown();
        }, "beacon-shutdown"));
        LOG.log(Level.INFO, "Beacon is up at {0} (dashboard), {0}api/ (API)", server.uri());
        stopped.await();
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
