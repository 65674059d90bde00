package dev.beacon.server;

import dev.beacon.config.BeaconConfig;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * What only the direct transport does: a client that leaves is released when its connection closes, not at the next
 * heartbeat (an hour away here, so only the close can be what releases it).
 */
class DirectTransportTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(EmbeddedServer.TRANSPORT, "direct", BeaconConfig.HEARTBEAT, "3600");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientThatLeavesIsReleasedWhenItsConnectionCloses() {
        RawSse stream = RawSse.get(server, "streams/leaving-now");
        stream.readUntil(": beacon stream open\n\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribers() == 1);

        stream.close();

        await("the subscriber to be released by the close").atMost(Duration.ofSeconds(10))
                .until(() -> subscribers() == 0);
    }

    private int subscribers() {
        return Http.json(http.get("topics/leaving-now").body()).getInt("subscribers");
    }
}
