package dev.beacon.testing;

import dev.beacon.config.BeaconConfig;
import dev.beacon.server.EmbeddedServer;
import dev.beacon.store.file.FileStoreSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Beacon's embedded runner on a free port of 127.0.0.1, with settings for one test class. Start it in
 * {@code @BeforeAll}, close it in {@code @AfterAll}: one Weld container runs at a time. Its history is in memory unless
 * the test says {@code beacon.store=file}; a file store then lives in a temporary directory of this server's own,
 * deleted when it closes, unless the test names one ({@code beacon.store.path}, kept: a test that restarts on it).
 */
public final class TestServer implements Endpoint, AutoCloseable {

    public static final String TOKEN = "test-token";

    private final EmbeddedServer server;
    private final Path ownStore;

    private TestServer(EmbeddedServer server, Path ownStore) {
        this.server = server;
        this.ownStore = ownStore;
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
        // Never the runner's default beacon-data in the working directory (the repository), whatever the environment.
        Path ownStore = settings.containsKey(FileStoreSettings.PATH) ? null : temporaryDirectory();
        if (ownStore != null) {
            settings.put(FileStoreSettings.PATH, ownStore.toString());
        }
        try {
            return new TestServer(EmbeddedServer.start(BeaconConfig.withOverrides(settings)), ownStore);
        } catch (RuntimeException e) {
            delete(ownStore);
            throw e;
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("beacon-store-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        try {
            server.close();
        } finally {
            delete(ownStore);
        }
    }
}
