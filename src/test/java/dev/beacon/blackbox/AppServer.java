package dev.beacon.blackbox;

import dev.beacon.config.BeaconConfig;
import dev.beacon.store.file.FileStoreSettings;
import dev.beacon.testing.Endpoint;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * An app server in a process of its own, with the built WAR deployed at {@code /beacon} on 127.0.0.1: started before
 * the test class (ready once {@code GET /beacon/api/topics} answers 200), stopped after it by its process id, its
 * children first. A {@code @Nested} class inherits the extension and runs in the same server: only the class that
 * started it stops it. Where the files come from is set by the failsafe configuration in the pom
 * ({@code beacon.it.*}).
 */
abstract class AppServer implements Endpoint, BeforeAllCallback, AfterAllCallback {

    static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("beacon.it.start-minutes", 4));
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String readyMessage;
    private Path work;
    private Supplier<Map<String, String>> environment = Map::of;
    private Process process;
    private String startedBy;
    private URI root;
    private Path log;

    /** {@code readyMessage}: what the server logs once it has booted, deployed and applied its configuration. */
    AppServer(String name, String readyMessage) {
        this.name = name;
        this.readyMessage = readyMessage;
    }

    /** The command that starts the server on the port; {@code work} is an empty directory of its own. */
    abstract ProcessBuilder command(int port, Path work) throws IOException, InterruptedException;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (process != null) {
            return; // a nested class of the one that started it
        }
        startedBy = context.getUniqueId();
        work = Path.of(required("beacon.it.work")).resolve(name.replace(' ', '-').toLowerCase());
        deleteTree(work);
        Files.createDirectories(work);
        int port = freePort();
        ProcessBuilder builder = command(port, work);
        SuiteSettings.AS_ENVIRONMENT.forEach((key, value) -> builder.environment().put(BeaconConfig.envName(key),
                value));
        // The WAR keeps memory unless told; here it is told, so SQLite's native library is proved to load in each server.
        builder.environment().put(BeaconConfig.envName(BeaconConfig.STORE), BeaconConfig.STORE_FILE);
        builder.environment().put(BeaconConfig.envName(FileStoreSettings.PATH), store(work).toString());
        environment.get().forEach((key, value) -> builder.environment().put(BeaconConfig.envName(key), value));
        log = work.resolve("server.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        process = builder.start();
        root = URI.create("http://127.0.0.1:" + port + "/beacon/");
        awaitReady();
        // Read by people, in target/failsafe-reports: the README reports these figures.
        System.out.printf("%s (pid %d) ready at %s in %.1f s; network interfaces: %s%n", name, process.pid(), root,
                (System.nanoTime() - started) / 1e9, interfaces());
    }

    /** More of Beacon's settings, as environment variables, read when the server starts (after earlier extensions). */
    AppServer withSettings(Supplier<Map<String, String>> settings) {
        this.environment = settings;
        return this;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process == null || !context.getUniqueId().equals(startedBy)) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            child.destroyForcibly();
        }
    }

    /** Where the WAR is deployed, {@code http://127.0.0.1:port/beacon/}: the dashboard. */
    URI uri() {
        return root;
    }

    @Override
    public URI api(String path) {
        return root.resolve("api/" + path);
    }

    /** The server's own directory. */
    Path work() {
        return work;
    }

    /** The server's console output so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the server's file store lives. */
    static Path store(Path work) {
        return work.resolve("store");
    }

    /** {@code -Dkey=value} for every setting the suite gives as system properties. */
    static List<String> systemProperties() {
        List<String> options = new ArrayList<>();
        SuiteSettings.AS_PROPERTIES.forEach((key, value) -> options.add("-D" + key + "=" + value));
        return options;
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run with mvn verify");
        }
        return value;
    }

    static Path war() {
        return Path.of(required("beacon.it.war"));
    }

    static Path serverConfig(String file) {
        return Path.of(required("beacon.it.server.config")).resolve(file);
    }

    /** Runs a helper command to its end, failing with its output unless it succeeds. */
    static void run(ProcessBuilder builder, Path output) throws IOException, InterruptedException {
        Process helper = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!helper.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || helper.exitValue() != 0) {
            helper.destroyForcibly();
            throw new IllegalStateException(String.join(" ", builder.command()) + " failed:\n"
                    + Files.readString(output));
        }
    }

    /** Polls the server (it gives no other sign of readiness) until it answers, fails at once if it exits. */
    private void awaitReady() {
        HttpRequest probe = HttpRequest.newBuilder(api("topics")).timeout(Duration.ofSeconds(5)).GET().build();
        AtomicReference<String> last = new AtomicReference<>("no probe yet");
        try {
            Awaitility.await(name + " ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> answers(probe, last));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + " (" + last.get()
                    + "):\n" + tail() + "\nListening:\n" + listening(), e);
        }
    }

    private boolean answers(HttpRequest probe, AtomicReference<String> last) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
        }
        try {
            if (!log().contains(readyMessage)) {
                return false;
            }
            int status = CLIENT.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
            last.set("GET " + probe.uri() + " answered " + status);
            return status == 200;
        } catch (IOException notYet) {
            last.set("GET " + probe.uri() + " failed: " + notYet);
            return false;
        }
    }

    private static String listening() {
        try {
            Process ss = new ProcessBuilder("ss", "-ltnp").redirectErrorStream(true).start();
            return new String(ss.getInputStream().readAllBytes());
        } catch (IOException e) {
            return e.toString();
        }
    }

    private String tail() {
        String all = log();
        return all.substring(Math.max(0, all.length() - 6000));
    }

    /** Just "lo" inside the loopback-only network namespace that src/it/netns/bin/java makes. */
    private static List<String> interfaces() throws IOException {
        return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .map(java.net.NetworkInterface::getName).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
