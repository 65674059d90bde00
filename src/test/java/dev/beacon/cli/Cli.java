package dev.beacon.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs the tool in this JVM, as {@code main} would, capturing what it prints and its exit status. */
final class Cli {

    static final long TIMEOUT_SECONDS = 20;

    /** What a command line did. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return withInput("", args);
    }

    /** With {@code stdin} as standard input; fails the test if the command does not end in time. */
    static Result withInput(String stdin, String... args) {
        try {
            return start(stdin, args).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("beacon " + String.join(" ", args) + " did not end in " + TIMEOUT_SECONDS
                    + " s", e);
        }
    }

    /** Starts a command that runs until something else happens (a job is cancelled, say). */
    static CompletableFuture<Result> start(String stdin, String... args) {
        return CompletableFuture.supplyAsync(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = BeaconCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    new PrintWriter(out, true), new PrintWriter(err, true));
            return new Result(status, out.toString(), err.toString());
        });
    }
}
