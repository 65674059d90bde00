package dev.beacon.testing;

import dev.beacon.config.BeaconConfig;
import dev.beacon.store.redis.RedisStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node of a cluster: Beacon's runnable jar ({@code target/beacon-embedded.jar}, built at {@code package}) in a
 * process of its own on a free port of 127.0.0.1, on the Redis store, its output in {@code target/<name>.log}.
 * Stopped by its PID: {@link #close()} as an operator would (SIGTERM), {@link #kill()} as a crash (SIGKILL).
 */
public final class EmbeddedNode implements Endpoint, AutoCloseable {

    private static final Pattern UP = Pattern.compile("Beacon is up at (http://\\S+/) ");
    private static final Path JAR = Path.of("target", "beacon-embedded.jar");

    private final String name;
    private final Process process;
    private final URI root;

    private EmbeddedNode(String name, Process process, URI root) {
        this.name = name;
        this.process = process;
        this.root = root;
    }

    /** Starts a node on the Redis at {@code redisUrl}, with publish token {@link TestServer#TOKEN} and more settings. */
    public static EmbeddedNode start(String name, String redisUrl, Map<String, String> settings) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: cluster tests run after package (mvn verify)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put(BeaconConfig.envName(BeaconConfig.PORT), "0");
        environment.put(BeaconConfig.envName(BeaconConfig.HOST), "127.0.0.1");
        environment.put(BeaconConfig.envName(BeaconConfig.PUBLISH_TOKEN), TestServer.TOKEN);
        environment.put(BeaconConfig.envName(BeaconConfig.STORE), BeaconConfig.STORE_REDIS);
        environment.put(BeaconConfig.envName(RedisStore.URL), redisUrl);
        environment.put("BEACON_ALERTS_SIMULATOR", "false");
        environment.put("BEACON_FEEDS_OFF", "clock,stats,ticker");
        settings.forEach((key, value) -> environment.put(BeaconConfig.envName(key), value));
        try {
            Process process = builder.start();
            return new EmbeddedNode(name, process, awaitUp(name, process));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the output to target/{name}.log and answers the root URI the node logs once it is up. */
    private static URI awaitUp(String name, Process process) throws IOException {
        CompletableFuture<URI> up = new CompletableFuture<>();
        Path log = Path.of("target", name + ".log");
        Thread copier = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println(line);
                    Matcher matcher = UP.matcher(line);
                    if (matcher.find()) {
                        up.complete(URI.create(matcher.group(1)));
                    }
                }
                up.completeExceptionally(new IllegalStateException(name + " exited; see " + log));
            } catch (IOException e) {
                up.completeExceptionally(e);
            }
        }, name + "-log");
        copier.setDaemon(true);
        copier.start();
        try {
            return up.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not start within 60 s; see " + log, e);
        }
    }

    @Override
    public URI api(String path) {
        return root.resolve("api/" + path);
    }

    public String name() {
        return name;
    }

    /** SIGKILL: the process dies at once, without ending its streams or anything else. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
