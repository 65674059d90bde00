package dev.beacon.cli;

import dev.beacon.client.BeaconClient;
import dev.beacon.config.BeaconConfig;
import dev.beacon.progress.TrainingJob;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code jobs follow} as a separate process: in a pseudo-terminal (util-linux's {@code script} gives it one) it draws
 * a progress bar; with its output piped it prints plain lines. Without {@code script} the terminal test is skipped
 * with the package to install, except on CI ({@code CI=true}), where it fails.
 */
class CliTerminalTest {

    static final Path SCRIPT = Path.of("/usr/bin/script");
    static final String MISSING = "The terminal test needs util-linux's script: apt-get install -y bsdutils";

    private static TestServer server;
    private static BeaconClient beacon;

    @BeforeAll
    static void start() {
        server = TestServer.start(BeaconConfig.HEARTBEAT, "0.5", TrainingJob.STEP_MILLIS, "2");
        beacon = BeaconClient.builder(URI.create(url())).token(TestServer.TOKEN).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A training job of about 1.2 s, so the bar is drawn while it runs. */
    private static String job() {
        return beacon.jobs().start("training", Map.of("total_epochs", 3, "steps_per_epoch", 200)).id();
    }

    private static List<String> cli(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), BeaconCli.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--url", url()));
        return command;
    }

    @Test
    void followDrawsAProgressBarInATerminal() throws IOException, InterruptedException {
        boolean present = Files.isExecutable(SCRIPT);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(MISSING + " (CI=true: a missing tool fails the run)");
        }
        Assumptions.assumeTrue(present, MISSING);
        String id = job();
        String line = String.join(" ", cli("jobs", "follow", id).stream().map(word -> "'" + word + "'").toList());
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-q", "-e", "-c", line, "/dev/null");
        builder.environment().put("LANG", "C.UTF-8");
        Result result = run(builder);
        assertEquals(0, result.status, result.output);
        assertTrue(result.output.contains("\r"), "the bar is redrawn in place: " + result.output);
        assertTrue(result.output.contains("█") && result.output.contains("100%"),
                "a bar of Unicode blocks reaching 100%: " + result.output);
        assertTrue(result.output.contains("epoch 3/3"), result.output);
        assertTrue(result.output.contains("job " + id + " complete"), result.output);
    }

    @Test
    void followPrintsPlainLinesWhenItsOutputIsPiped() throws IOException, InterruptedException {
        String id = job();
        Result result = run(new ProcessBuilder(cli("jobs", "follow", id)));
        assertEquals(0, result.status, result.output);
        assertFalse(result.output.contains("\r") || result.output.contains("█"), result.output);
        List<String> lines = result.output.lines().toList();
        assertTrue(lines.size() >= 3, result.output);
        assertTrue(lines.get(0).matches("job " + id + ": \\d+% epoch 1/3 loss \\d+\\.\\d{4}"), result.output);
        assertTrue(lines.get(lines.size() - 1).startsWith("job " + id + " complete"), result.output);
    }

    private record Result(int status, String output) {
    }

    /** Runs it to its end, reading its output as it comes; a process that hangs is killed and fails the test. */
    private static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!process.waitFor(Cli.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("The CLI did not exit within " + Cli.TIMEOUT_SECONDS + " s");
        }
        try {
            return new Result(process.exitValue(), new String(output.get(5, TimeUnit.SECONDS),
                    StandardCharsets.UTF_8));
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("Could not read the CLI's output", e);
        }
    }
}
