package dev.beacon.server;

import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping the server ends every stream cleanly (a browser then reconnects and resumes) instead of cutting it. */
class ShutdownTest {

    @Test
    void closingTheServerEndsOpenStreams() {
        TestServer server = TestServer.start();
        try (RawSse stream = RawSse.get(server, "streams/shutdown")) {
            stream.readUntil(": beacon stream open\n\n");
            server.close();
            String body = stream.readToEnd();
            assertTrue(body.endsWith("\n\n"), "the stream ended after a whole frame: " + body);
        }
    }
}
