package dev.beacon.blackbox;

import dev.beacon.testing.Endpoint;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The black-box suite against the embedded runner (Jersey on Grizzly, Weld SE) in this JVM. */
class EmbeddedBlackBoxTest extends BlackBoxSuite {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(SuiteSettings.keyValues());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    public Endpoint beacon() {
        return server;
    }
}
