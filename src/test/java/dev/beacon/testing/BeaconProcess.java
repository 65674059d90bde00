package dev.beacon.testing;

import dev.beacon.config.BeaconConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Beacon's embedded runner ({@code dev.beacon.server.BeaconServer}, as {@code java -jar} runs it) in a process of its
 * own, from the test class path, on a free port of 127.0.0.1: for what only another process shows, such as being
 * killed or a second process on the same store. Stopped by its PID.
 */
public final class BeaconProcess implements Endpoint, AutoCloseable {

    private static final Pattern UP = Pattern.compile("Beacon is up at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Duration START = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private URI root;

    private BeaconProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts it with the given settings (keys as in BeaconConfig) on top of the test defaults; waits until it is up. */
    public static BeaconProcess start(Path log, Map<String, String> settings) {
        BeaconProcess beacon = launch(List.of(), log, settings);
        await("Beacon to start; its log is " + log).atMost(START).pollInterval(Duration.ofMillis(100))
                .until(beacon::isUp);
        return beacon;
    }

    /** Runs it to its end (it is expected not to start), with {@code prefix} in front of the java command. */
    public static Exit runToExit(List<String> prefix, Path log, Map<String, String> settings) {
        BeaconProcess beacon = launch(prefix, log, settings);
        try {
            if (!beacon.process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
                beacon.kill();
                throw new AssertionError("Beacon neither started nor stopped within " + START + ":\n" + beacon.log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Exit(beacon.process.exitValue(), beacon.log());
    }

    /** How a process that was expected to stop on its own ended. */
    public record Exit(int code, String output) {
    }

    private static BeaconProcess launch(List<String> prefix, Path log, Map<String, String> settings) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "dev.beacon.server.BeaconServer"));
        Map<String, String> all = new HashMap<>(Map.of(BeaconConfig.HOST, "127.0.0.1", BeaconConfig.PORT, "0",
                BeaconConfig.PUBLISH_TOKEN, TestServer.TOKEN, "beacon.feeds.off", "clock,stats,ticker",
                "beacon.alerts.simulator", "false"));
        all.putAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        all.forEach((key, value) -> builder.environment().put(BeaconConfig.envName(key), value));
        try {
            return new BeaconProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isUp() {
        if (!process.isAlive()) {
            throw new AssertionError("Beacon exited with " + process.exitValue() + ":\n" + log());
        }
        Matcher up = UP.matcher(log());
        if (up.find()) {
            root = URI.create("http://127.0.0.1:" + up.group(1) + "/");
            return true;
        }
        return false;
    }

    @Override
    public URI api(String path) {
        return root.resolve("api/" + path);
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no close, nothing flushed by Beacon; what the store committed is all there is. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, Beacon's clean stop; SIGKILL if it has not stopped within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
