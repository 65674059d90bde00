package dev.beacon.server;

import dev.beacon.config.BeaconConfig;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mvn -q compile exec:java} or {@code java -jar target/beacon-embedded.jar}: Beacon on its own, settings from
 * system properties and the environment. SIGTERM (or Ctrl-C) ends every stream and stops within a few seconds.
 */
public final class BeaconServer {

    private static final System.Logger LOG = System.getLogger(BeaconServer.class.getName());

    private BeaconServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        // The demo's crime-alert simulator runs by default here, not in the WAR.
        EmbeddedServer server = EmbeddedServer.start(BeaconConfig.withDefaults(Map.of(BeaconConfig.ALERTS_SIMULATOR, "true")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.log(Level.INFO, "Stopping Beacon");
            server.close();
            stopped.countDown();
        }, "beacon-shutdown"));
        LOG.log(Level.INFO, "Beacon is up at {0} (dashboard), {0}api/ (API)", server.uri());
        stopped.await();
    }
}
