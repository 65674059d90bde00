package dev.beacon.cli;

import dev.beacon.client.BeaconClient;
import dev.beacon.client.OutgoingEvent;
import dev.beacon.config.BeaconConfig;
import dev.beacon.progress.Jobs;
import dev.beacon.progress.TrainingJob;
import dev.beacon.testing.BeaconOnPort;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command end-to-end against the embedded runner, in this JVM, with output not a terminal. */
class CliTest {

    private static TestServer server;
    private static String url;
    private static BeaconClient beacon;

    @BeforeAll
    static void start() {
        server = TestServer.start(BeaconConfig.HEARTBEAT, "0.5", TrainingJob.STEP_MILLIS, "2");
        url = "http://127.0.0.1:" + server.port();
        beacon = BeaconClient.builder(URI.create(url)).token(TestServer.TOKEN).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String[] args(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--url";
        all[args.length + 1] = url;
        all[args.length + 2] = "--token";
        all[args.length + 3] = TestServer.TOKEN;
        return all;
    }

    @Test
    void publishPrintsTheIdOfOneEventOrOfEachLineOfStandardInput() {
        Cli.Result one = Cli.run(args("publish", "cli-pub", "--event", "greeting", "hello"));
        assertEquals(0, one.status(), one.toString());
        String id = one.out().strip();

        Cli.Result lines = Cli.withInput("a\nb\n{\"n\":3}\n", args("publish", "cli-pub", "-"));
        assertEquals(0, lines.status(), lines.toString());
        List<String> ids = lines.out().lines().toList();
        assertEquals(3, ids.size(), lines.toString());
        assertTrue(Long.parseLong(id) < Long.parseLong(ids.get(0)) && Long.parseLong(ids.get(0))
                < Long.parseLong(ids.get(2)), "ids in publishing order: " + ids);

        Cli.Result tail = Cli.run(args("tail", "cli-pub", "--from", id, "--count", "3", "--format", "json"));
        assertEquals(List.of(
                "{\"id\":\"" + ids.get(0) + "\",\"topic\":\"cli-pub\",\"event\":\"message\",\"data\":\"a\"}",
                "{\"id\":\"" + ids.get(1) + "\",\"topic\":\"cli-pub\",\"event\":\"message\",\"data\":\"b\"}",
                "{\"id\":\"" + ids.get(2) + "\",\"topic\":\"cli-pub\",\"event\":\"message\","
                        + "\"data\":\"{\\\"n\\\":3}\"}"),
                tail.out().lines().toList(), tail.toString());
        assertEquals(0, tail.status());
    }

    @Test
    void tailPrintsRawDataOfSeveralTopicsAndPassesFilters() {
        String from = beacon.publish("cli-raw-a", "start");
        beacon.publish("cli-raw-b", OutgoingEvent.text("x", "from b"));
        beacon.publish("cli-raw-a", "line one\nline two");
        Cli.Result raw = Cli.run(args("tail", "cli-raw-a", "cli-raw-b", "--from", from, "--count", "2"));
        assertEquals(0, raw.status(), raw.toString());
        assertEquals("from b\nline one\nline two\n", raw.out());

        String alertsFrom = beacon.publish("alerts", OutgoingEvent.json("crime_alert", alert("c-1", "low")));
        beacon.publish("alerts", OutgoingEvent.json("crime_alert", alert("c-2", "low")));
        beacon.publish("alerts", OutgoingEvent.json("crime_alert", alert("c-3", "high")));
        Cli.Result high = Cli.run(args("tail", "alerts", "--from", alertsFrom, "--filter", "severity=high",
                "--count", "1"));
        assertEquals(0, high.status(), high.toString());
        assertTrue(high.out().contains("\"crime_id\":\"c-3\"") && !high.out().contains("c-2"), high.toString());
    }

    private static String alert(String id, String severity) {
        return "{\"crime_id\":\"" + id + "\",\"location\":\"Burnside\",\"severity\":\"" + severity
                + "\",\"timestamp\":\"2026-01-01T00:00:00Z\"}";
    }

    @Test
    void tailWithACursorFileContinuesExactlyWhereItStopped(@TempDir Path dir) throws IOException {
        Path cursor = dir.resolve("cursor");
        String start = beacon.publish("cli-cursor", "start");
        List<String> first = beacon.publish("cli-cursor", List.of(OutgoingEvent.text(null, "1"),
                OutgoingEvent.text(null, "2"), OutgoingEvent.text(null, "3")));
        Cli.Result before = Cli.run(args("tail", "cli-cursor", "--from", start, "--cursor-file", cursor.toString(),
                "--count", "2"));
        assertEquals("1\n2\n", before.out(), before.toString());
        assertEquals(first.get(1), Files.readString(cursor).strip());

        String fourth = beacon.publish("cli-cursor", "4");
        Cli.Result after = Cli.run(args("tail", "cli-cursor", "--cursor-file", cursor.toString(), "--count", "2"));
        assertEquals("3\n4\n", after.out(), "neither lost nor repeated: " + after);
        assertEquals(fourth, Files.readString(cursor).strip());
    }

    @Test
    void topicsPrintsATable() {
        beacon.publish("cli-table", "x");
        Cli.Result topics = Cli.run(args("topics"));
        assertEquals(0, topics.status(), topics.toString());
        List<String> rows = topics.out().lines().toList();
        assertTrue(rows.get(0).matches("TOPIC +SUBSCRIBERS +PUBLISHED +DELIVERED +DROPPED +RETAINED"), rows.get(0));
        assertTrue(rows.stream().anyMatch(row -> row.matches("cli-table +0 +1 +0 +0 +1")), topics.toString());
    }

    @Test
    void jobsStartWithFollowPrintsPlainProgressLinesAndExitsZeroOnComplete() {
        Cli.Result run = Cli.run(args("jobs", "start", "training", "--epochs", "2", "--steps", "10", "--follow"));
        assertEquals(0, run.status(), run.toString());
        List<String> lines = run.out().lines().toList();
        String id = lines.get(0);
        assertTrue(lines.get(1).matches("job " + id + ": \\d+% epoch 1/2 loss \\d+\\.\\d{4}"), run.toString());
        String outcome = lines.get(lines.size() - 1);
        assertTrue(outcome.startsWith("job " + id + " complete: ") && outcome.contains("epochs=2")
                && outcome.contains("final_loss="), run.toString());
        assertFalse(run.out().contains("\r"), "no bar redrawn when output is not a terminal");

        Cli.Result status = Cli.run(args("jobs", "status", id));
        assertTrue(status.out().contains("state:     complete"), status.toString());
        Cli.Result cancel = Cli.run(args("jobs", "cancel", id));
        assertEquals(ExitCodes.REFUSED, cancel.status(), cancel.toString());
        assertTrue(cancel.err().contains("has already ended"), cancel.toString());
    }

    @Test
    void followExitsTwoWhenTheJobIsCancelledAndOneWhenItFails()
            throws InterruptedException, ExecutionException, TimeoutException {
        String id = beacon.jobs().start("training", Map.of("total_epochs", 10, "steps_per_epoch", 1000)).id();
        CompletableFuture<Cli.Result> follow = Cli.start("", args("jobs", "follow", id));
        Cli.Result cancel = Cli.run(args("jobs", "cancel", id));
        assertEquals(0, cancel.status(), cancel.toString());
        Cli.Result cancelled = follow.get(Cli.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(ExitCodes.JOB_CANCELLED, cancelled.status(), cancelled.toString());
        assertTrue(cancelled.out().endsWith("job " + id + " cancelled\n"), cancelled.toString());

        String doomed = server.bean(Jobs.class).start("import", reporter -> {
            reporter.progress(50, Map.of("progress_percent", 50, "rows", 10));
            throw new IllegalStateException("row 11 is malformed");
        });
        Cli.Result failed = Cli.run(args("jobs", "follow", doomed));
        assertEquals(ExitCodes.JOB_FAILED, failed.status(), failed.toString());
        assertTrue(failed.out().contains("job " + doomed + ": 50% rows=10"), failed.toString());
        assertTrue(failed.out().contains("job " + doomed + " failed: "), failed.toString());
    }

    @Test
    void failuresSayWhatToDoAndExitWithTheirOwnStatus() {
        Cli.Result unreachable = Cli.run("topics", "--url", "http://127.0.0.1:" + BeaconOnPort.freePort());
        assertEquals(ExitCodes.UNREACHABLE, unreachable.status(), unreachable.toString());
        assertTrue(unreachable.err().contains("cannot reach Beacon") && unreachable.err().contains("refused")
                && unreachable.err().contains("--url"), unreachable.toString());

        Cli.Result tailUnreachable = Cli.run("tail", "x", "--url", "http://127.0.0.1:" + BeaconOnPort.freePort());
        assertEquals(ExitCodes.UNREACHABLE, tailUnreachable.status(), tailUnreachable.toString());

        Cli.Result noToken = Cli.run("publish", "cli-denied", "x", "--url", url, "--token", "");
        assertEquals(ExitCodes.NOT_ALLOWED, noToken.status(), noToken.toString());
        assertTrue(noToken.err().contains("401") && noToken.err().contains("BEACON_TOKEN"), noToken.toString());

        Cli.Result missing = Cli.run(args("jobs", "follow", "no-such-job"));
        assertEquals(ExitCodes.NOT_FOUND, missing.status(), missing.toString());
        assertTrue(missing.err().contains("404") && missing.err().contains("job id"), missing.toString());

        Cli.Result usage = Cli.run(args("tail"));
        assertEquals(ExitCodes.USAGE, usage.status(), usage.toString());
        assertTrue(usage.err().contains("TOPIC"), usage.toString());
    }

    @Test
    void everyCommandHasHelpWithUrlAndToken() {
        for (String command : List.of("tail", "publish", "topics", "jobs", "jobs start", "jobs status",
                "jobs cancel", "jobs follow")) {
            String[] words = (command + " --help").split(" ");
            Cli.Result help = Cli.run(words);
            assertEquals(0, help.status(), command + ": " + help);
            assertTrue(help.out().contains("--url") && help.out().contains("--token")
                    && help.out().contains("BEACON_TOKEN"), command + ": " + help);
        }
    }
}
