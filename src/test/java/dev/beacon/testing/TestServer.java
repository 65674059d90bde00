package dev.beacon.testing;

import dev.beacon.config.BeaconConfig;
import dev.beacon.server.EmbeddedServer;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Beacon's embedded runner on a free port of 127.0.0.1, with settings for one test class. Start it in
 * {@code @BeforeAll}, close it in {@code @AfterAll}: one Weld container runs at a time.
 */
public final class TestServer implements Endpoint, AutoCloseable {

    public static final String TOKEN = "test-token";

    private final EmbeddedServer server;

    private TestServer(EmbeddedServer server) {
        this.server = server;
    }

    /** Port 0, publish token {@value #TOKEN}, plus the given settings. */
    public static TestServer start(String... keyValues) {
        Map<String, String> settings = new HashMap<>();
        settings.put(BeaconConfig.HOST, "127.0.0.1");
        settings.put(BeaconConfig.PORT, "0");
        settings.put(BeaconConfig.PUBLISH_TOKEN, TOKEN);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return new TestServer(EmbeddedServer.start(BeaconConfig.withOverrides(settings)));
    }

    public URI uri() {
        return server.uri();
    }

    @Override
    public URI api(String path) {
        return server.uri().resolve("api/" + path);
    }

    public int port() {
        return server.uri().getPort();
    }

    public <T> T bean(Class<T> type) {
        return server.bean(type);
    }

    @Override
    public void close() {
        server.close();
    }
}
