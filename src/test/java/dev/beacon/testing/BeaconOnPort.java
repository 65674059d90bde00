package dev.beacon.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Beacon's embedded runner in a JVM of its own, from this test's class path, so a test can stop it (SIGTERM to its
 * PID) and start it again on the same port, as an operator restarting the server would. Its output goes to
 * {@code target/beacon-process-<port>.log}.
 */
public final class BeaconOnPort implements AutoCloseable {

    private final Process process;
    private final int port;

    private BeaconOnPort(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A free port of 127.0.0.1, for a server that will be started (and restarted) on it. */
    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts on {@code port} with the test token, no demo feeds, and {@code settings} as environment variables. */
    public static BeaconOnPort start(int port, Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", classPath(), "dev.beacon.server.BeaconServer"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("BEACON_HOST", "127.0.0.1");
        env.put("BEACON_PORT", Integer.toString(port));
        env.put("BEACON_PUBLISH_TOKEN", TestServer.TOKEN);
        env.put("BEACON_FEEDS_OFF", "clock,stats,ticker");
        env.put("BEACON_ALERTS_SIMULATOR", "false");
        env.put("BEACON_STORE", "memory"); // never a beacon-data directory in the working tree; settings may differ
        env.putAll(settings);
        try {
            BeaconOnPort server = new BeaconOnPort(builder.start(), port);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire hands the test JVM its class path in this property (the JVM's own may be a manifest-only jar). */
    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private void awaitReady() throws IOException {
        CompletableFuture<Void> up = new CompletableFuture<>();
        Path log = Path.of("target", "beacon-process-" + port + ".log");
        Thread copier = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                         java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println(line);
                    if (line.contains("Beacon is up at")) {
                        up.complete(null);
                    }
                }
                up.completeExceptionally(new IllegalStateException("Beacon exited; see " + log));
            } catch (IOException e) {
                up.completeExceptionally(e);
            }
        }, "beacon-process-log");
        copier.setDaemon(true);
        copier.start();
        try {
            up.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            close();
            throw new IOException("Beacon did not start within 60 s; see " + log, e);
        }
    }

    public int port() {
        return port;
    }

    /** The server's root, such as {@code http://127.0.0.1:8080}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** SIGTERM to its PID (Beacon's clean shutdown), then waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
