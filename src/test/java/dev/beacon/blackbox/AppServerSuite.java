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

    /** Payara carries an older nimbus-jose-jwt of its own; the WAR's must be the one that verifies tokens. */
    @Test
    void verifiesTokensWithTheWarsOwnNimbusJoseJwt() throws java.io.IOException {
        String version;
        try (java.util.zip.ZipFile war = new java.util.zip.ZipFile(AppServer.war().toFile())) {
            version = war.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(name -> name.startsWith("WEB-INF/lib/nimbus-jose-jwt-")).findFirst().orElseThrow()
                    .replaceAll(".*nimbus-jose-jwt-(.*)\\.jar", "$1");
        }
        assertTrue(server().log().contains("tokens verified by nimbus-jose-jwt " + version + ";"),
                "the server logs which copy verifies tokens: " + version + " expected");
    }

    @Test
    void runsOnTheContainersManagedExecutors() {
        http().get("topics");
        assertTrue(server().log().contains("Running on the container's managed executors"),
                "BeaconExecutors found java:comp/DefaultManagedExecutorService, so the WAR starts no threads");
    }
}
