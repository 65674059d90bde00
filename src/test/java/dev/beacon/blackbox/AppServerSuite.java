package dev.beacon.blackbox;

import dev.beacon.testing.Endpoint;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.RawSse;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The black-box suite on an app server, plus what only an app server's log can show. Each subclass also runs the
 * dashboard in a browser against its server, as a {@code @Nested} {@link dev.beacon.dashboard.ServedDashboardContract}
 * inside the same server's lifecycle (declared there, so each server's report names its own).
 */
abstract class AppServerSuite extends BlackBoxSuite {

    /** The server the subclass registered as its extension. */
    abstract AppServer server();

    @Override
    public Endpoint beacon() {
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
    void keepsHistoryInTheFileStoreWithSqlitesNativeLibraryLoadedByTheWar() {
        String published = http().published("bb-store-check", null, "kept in a file");
        Path database = AppServer.store(server().work()).resolve("beacon.db");
        assertTrue(server().log().contains("History is kept in " + database), "the file store opened: "
                + server().log());
        assertTrue(Files.isRegularFile(database), database + " exists");
        assertTrue(http().get("topics/bb-store-check/events/" + published).body().contains("kept in a file"));
    }

    /** {@code beacon.transport} of this server: {@code direct} (the servlet transport) unless a subclass sets it. */
    String transport() {
        return "direct";
    }

    @Override
    public boolean publishBodyHasDeadline() {
        return transport().equals("direct");
    }

    /**
     * Each of a thousand streams opened at once, and held, gets its opening comment. The hub writes the opening on its
     * own thread while the container's thread starts the asynchronous response; on WildFly one stream in about 1,400
     * of the benchmark's got nothing while the servlet transport could ask its output {@code isReady()} before the
     * write listener was set.
     */
    @Test
    void eachOfAThousandStreamsOpenedAtOnceGetsItsOpening() throws Exception {
        List<RawSse> streams = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> openings = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                openings.add(clients.submit(() -> {
                    RawSse stream = RawSse.get(beacon(), "streams/bb-many-opens");
                    streams.add(stream);
                    return stream.readUntil(RawSse.OPENING); // JAX-RS sinks frame what follows their own way
                }));
            }
            for (Future<String> opening : openings) {
                opening.get(EventRecorder.TIMEOUT_SECONDS * 2L, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
            streams.forEach(RawSse::close);
        }
    }

    @Test
    void writesHubStreamsWithTheConfiguredTransport() {
        http().get("topics");
        String expected = transport().equals("direct") ? "Hub streams: Servlet non-blocking output"
                : "Hub streams: JAX-RS SseEventSink";
        assertTrue(server().log().contains(expected), "the stream filter logs its transport: " + expected);
    }

    @Test
    void runsOnTheContainersManagedExecutors() {
        http().get("topics");
        assertTrue(server().log().contains("Running on the container's managed executors"),
                "BeaconExecutors found java:comp/DefaultManagedExecutorService, so the WAR starts no threads");
        assertTrue(server().log().contains("deliveries on 8 threads of its managed thread factory"),
                "deliveries run on threads of java:comp/DefaultManagedThreadFactory, which carry the application's "
                        + "context from their start rather than capturing it for every event");
    }
}
