package dev.beacon.edge;

import dev.beacon.relay.UpstreamRelay;
import dev.beacon.testing.RawHttp;
import dev.beacon.testing.RawSse;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.Test;

import static dev.beacon.testing.RawHttp.request;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/relay} and the relay's events never show the credentials of {@code beacon.relay.url}: neither its
 * user info nor a key in its query. The upstream here refuses connections, so every poll is an error event.
 */
class RelayCredentialsTest {

    private static final String SECRET = "s3cr3t-key";

    @Test
    void neverShowsTheUpstreamsCredentials() {
        try (TestServer server = TestServer.start(UpstreamRelay.URL, "http://relay-user:" + SECRET
                + "@127.0.0.1:1/data?city=berlin&api_key=" + SECRET, UpstreamRelay.INTERVAL, "100")) {
            String status = RawHttp.exchange(server, request("GET", "/api/relay")).assertOk().body();
            assertTrue(status.contains("\"url\":\"http://127.0.0.1:1/data?city=***&api_key=***\""), status);
            try (RawSse events = RawSse.get(server, "streams/relay")) {
                String error = events.readUntil("\"}\n\n");
                assertTrue(error.contains("event: error"), error);
                assertFalse(error.contains(SECRET) || error.contains("relay-user"), error);
            }
        }
    }
}
