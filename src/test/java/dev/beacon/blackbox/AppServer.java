package dev.beacon.blackbox;

import dev.beacon.config.BeaconConfig;
import dev.beacon.store.file.FileStoreSettings;
import dev.beacon.testing.AppServerProcess;
import dev.beacon.testing.Endpoint;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An app server ({@link AppServerProcess}) as the suite's extension, with the settings of {@link SuiteSettings}:
 * started before the test class, stopped after it by its process id, its children first. A {@code @Nested} class
 * inherits the extension and runs in the same server: only the class that started it stops it. Where the files come
 * from is set by the failsafe configuration in the pom ({@code beacon.it.*}).
 */
abstract class AppServer implements Endpoint, BeforeAllCallback, AfterAllCallback {

    private final AppServerProcess server;
    private Supplier<Map<String, String>> environment = Map::of;
    private String startedBy;

    AppServer(AppServerProcess server) {
        this.server = server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (server.started()) {
            return; // a nested class of the one that started it
        }
        startedBy = context.getUniqueId();
        Path work = AppServerProcess.workRoot().resolve(server.name().replace(' ', '-').toLowerCase());
        Map<String, String> env = new HashMap<>();
        SuiteSettings.AS_ENVIRONMENT.forEach((key, value) -> env.put(BeaconConfig.envName(key), value));
        // The WAR keeps memory unless told; here it is told, so SQLite's native library is proved to load in each server.
        env.put(BeaconConfig.envName(BeaconConfig.STORE), BeaconConfig.STORE_FILE);
        env.put(BeaconConfig.envName(FileStoreSettings.PATH), store(work).toString());
        environment.get().forEach((key, value) -> env.put(BeaconConfig.envName(key), value));
        long started = System.nanoTime();
        server.start(new AppServerProcess.Launch(work, List.of("-Xmx512m"), SuiteSettings.AS_PROPERTIES, env));
        // Read by people, in target/failsafe-reports: the README reports these figures.
        System.out.printf("%s (pid %d) ready at %s in %.1f s; network interfaces: %s%n", server.name(),
                server.process().pid(), server.uri(), (System.nanoTime() - started) / 1e9, interfaces());
    }

    /** More of Beacon's settings, as environment variables, read when the server starts (after earlier extensions). */
    AppServer withSettings(Supplier<Map<String, String>> settings) {
        this.environment = settings;
        return this;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server.started() && context.getUniqueId().equals(startedBy)) {
            server.close();
        }
    }

    /** Where the WAR is deployed, {@code http://127.0.0.1:port/beacon/}: the dashboard. */
    URI uri() {
        return server.uri();
    }

    @Override
    public URI api(String path) {
        return server.api(path);
    }

    /** The server's own directory. */
    Path work() {
        return server.work();
    }

    /** The server's console output so far. */
    String log() {
        return server.log();
    }

    /** Where the server's file store lives. */
    static Path store(Path work) {
        return work.resolve("store");
    }

    static Path war() {
        return AppServerProcess.war();
    }

    /** Just "lo" inside the loopback-only network namespace that src/it/netns/bin/java makes. */
    private static List<String> interfaces() throws IOException {
        return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .map(java.net.NetworkInterface::getName).toList();
    }
}
