package dev.beacon.edge;

import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One in-process server per test class, and around every test: the server's state before ({@link ServerState}), the
 * same state after (awaited), and a quiet log in between ({@link QuietLog}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AttackSuite {

    TestServer server;
    private ServerState baseline;
    private QuietLog log;

    /** The state the server was in when the test began. */
    ServerState baseline() {
        return baseline;
    }

    /** Starts the class's server, ready for the first baseline. */
    abstract TestServer startServer();

    @BeforeAll
    void start() {
        server = startServer();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @BeforeEach
    void takeBaseline() {
        ServerState.awaitBack(server, ServerState.of(server)); // nothing of the previous test still going
        baseline = ServerState.of(server);
        log = QuietLog.start();
    }

    @AfterEach
    void nothingChangedAndTheLogStayedQuiet() {
        try {
            ServerState.awaitBack(server, baseline);
            log.assertQuiet();
        } finally {
            log.close();
        }
    }
}
