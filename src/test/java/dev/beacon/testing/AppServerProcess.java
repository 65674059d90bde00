package dev.beacon.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An app server in a process of its own with the built WAR deployed at {@code /beacon} on 127.0.0.1 and the project's
 * {@code server-config/} applied: ready once it has logged its ready message and {@code GET /beacon/api/topics}
 * answers 200, stopped by its process id, its children too. The black-box suite ({@code dev.beacon.blackbox.AppServer})
 * and the benchmark ({@code bench/run}) both start servers with it. Where the files come from is given by the system
 * properties {@code beacon.it.*}: the pom's failsafe configuration sets them for the tests, {@code bench/run} for the
 * benchmark.
 */
public abstract class AppServerProcess implements Endpoint, AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("beacon.it.start-minutes", 4));
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String readyMessage;
    private Launch launch;
    private Process process;
    private URI root;
    private Path log;

    /**
     * How one server is started: {@code work}, a directory of its own (emptied first); {@code jvmOptions} such as the
     * heap; Beacon's settings as system properties ({@code beacon.history.size}) and the environment
     * ({@code BEACON_...}: environment variables as they are named).
     */
    public record Launch(Path work, List<String> jvmOptions, Map<String, String> properties,
                         Map<String, String> environment) {
    }

    /** {@code readyMessage}: what the server logs once it has booted, deployed and applied its configuration. */
    protected AppServerProcess(String name, String readyMessage) {
        this.name = name;
        this.readyMessage = readyMessage;
    }

    /** The command that starts the server on the port, as {@code launch} says. */
    protected abstract ProcessBuilder command(int port, Launch launch) throws IOException, InterruptedException;

    /**
     * Starts it and waits until it answers; fails with the end of its log if it exits or is not ready in time, having
     * stopped it.
     */
    public void start(Launch launch) throws IOException, InterruptedException {
        this.launch = launch;
        Directories.delete(launch.work());
        Files.createDirectories(launch.work());
        int port = freePort();
        ProcessBuilder builder = command(port, launch);
        builder.environment().putAll(launch.environment());
        log = launch.work().resolve("server.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        process = builder.start();
        root = URI.create("http://127.0.0.1:" + port + "/beacon/");
        try {
            awaitReady();
        } catch (RuntimeException notReady) {
            close();
            throw notReady;
        }
    }

    public String name() {
        return name;
    }

    public boolean started() {
        return process != null;
    }

    /** The process started (for WildFly the launch script, whose child is the JVM). */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Where the WAR is deployed, {@code http://127.0.0.1:port/beacon/}: the dashboard. */
    public URI uri() {
        return root;
    }

    @Override
    public URI api(String path) {
        return root.resolve("api/" + path);
    }

    /** The server's own directory. */
    public Path work() {
        return launch.work();
    }

    /** The server's console output so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process and its children by their PIDs: politely, then by force after a timeout. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
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

    public static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run with mvn verify"
                    + " (or bench/run)");
        }
        return value;
    }

    /** The built WAR. */
    public static Path war() {
        return Path.of(required("beacon.it.war"));
    }

    /** A file of the project's {@code server-config/}. */
    static Path serverConfig(String file) {
        return Path.of(required("beacon.it.server.config")).resolve(file);
    }

    /** Where servers get their work directories. */
    public static Path workRoot() {
        return Path.of(required("beacon.it.work"));
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
