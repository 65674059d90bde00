package dev.beacon.blackbox;

import dev.beacon.testing.Endpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The black-box suite on an app server, plus what only an app server's log can show. */
abstract class AppServerSuite extends BlackBoxSuite {

    /** The server the subclass registered as its extension. */
    abstract AppServer server();

    @Override
    protected Endpoint beacon() {
        return server();
    }

    @Test
    void runsOnTheContainersManagedExecutors() {
        http().get("topics");
        assertTrue(server().log().contains("Running on the container's managed executors"),
                "BeaconExecutors found java:comp/DefaultManagedExecutorService, so the WAR starts no threads");
    }
}
