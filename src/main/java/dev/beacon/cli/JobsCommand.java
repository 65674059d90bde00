package dev.beacon.cli;

import dev.beacon.client.BeaconClient;
import dev.beacon.client.JobStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code beacon jobs start|status|cancel|follow}. */
@Command(name = "jobs", description = "Start, inspect, cancel and follow jobs.",
        subcommands = {JobsCommand.Start.class, JobsCommand.Status.class, JobsCommand.Cancel.class,
                JobsCommand.Follow.class})
final class JobsCommand implements Runnable {

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Name a jobs command: start, status, cancel, follow");
    }

    @Command(name = "start", description = "Start a job and print its id; with --follow, follow it too.")
    static final class Start implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "KIND", description = "The kind of job: training.")
        String kind;
        @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train (the server's default: 10).")
        Integer epochs;
        @Option(names = "--steps", paramLabel = "M", description = "Steps per epoch (the server's default: 100).")
        Integer steps;
        @Option(names = "--follow", description = "Follow the job as 'jobs follow' does, and exit as it does.")
        boolean follow;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> params = new LinkedHashMap<>();
            if (epochs != null) {
                params.put("total_epochs", epochs);
            }
            if (steps != null) {
                params.put("steps_per_epoch", steps);
            }
            BeaconClient beacon = connection.client();
            JobStatus job = beacon.jobs().start(kind, params);
            PrintWriter out = spec.commandLine().getOut();
            out.println(job.id());
            out.flush();
            return follow ? JobFollower.follow(beacon, job.id(), out, spec.commandLine().getErr(), connection.url)
                    : ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Print a job's state and progress.")
    static final class Status implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The job's id.")
        String id;

        @Override
        public Integer call() {
            print(spec.commandLine().getOut(), connection.client().jobs().status(id));
            return ExitCodes.OK;
        }
    }

    @Command(name = "cancel", description = "Cancel a running job (exit 7 when it has already ended).")
    static final class Cancel implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The job's id.")
        String id;

        @Override
        public Integer call() {
            print(spec.commandLine().getOut(), connection.client().jobs().cancel(id));
            return ExitCodes.OK;
        }
    }

    @Command(name = "follow", description = {"Follow a job to its end: a progress bar in a terminal, plain progress "
            + "lines otherwise. Exit status 0 when it completes, 1 when it fails, 2 when it is cancelled."})
    static final class Follow implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The job's id.")
        String id;

        @Override
        public Integer call() throws InterruptedException {
            return JobFollower.follow(connection.client(), id, spec.commandLine().getOut(),
                    spec.commandLine().getErr(), connection.url);
        }
    }

    static void print(PrintWriter out, JobStatus job) {
        out.println("id:        " + job.id());
        out.println("kind:      " + job.kind());
        out.println("state:     " + job.state());
        out.printf("progress:  %.0f%%%n", job.progressPercent());
        out.println("created:   " + job.created());
        if (job.finished() != null) {
            out.println("finished:  " + job.finished());
        }
        if (job.message() != null) {
            out.println("message:   " + job.message());
        }
    }
}
