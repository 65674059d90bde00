package dev.beacon.cli;

import dev.beacon.client.BeaconException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code beacon}: the entry point; each subcommand is a class of this package. */
@Command(name = "beacon", mixinStandardHelpOptions = true, versionProvider = BeaconCli.Version.class,
        description = "Subscribe to, publish to and watch a Beacon hub from the terminal.",
        subcommands = {TailCommand.class, PublishCommand.class, TopicsCommand.class, JobsCommand.class},
        footer = {"", "Exit status:", "  0  done (a followed job completed)", "  1  the followed job failed",
                "  2  the followed job was cancelled", "  3  usage error", "  4  Beacon unreachable",
                "  5  not authorised (401, 403)", "  6  not found (404)", "  7  refused otherwise"})
public final class BeaconCli implements Runnable {

    /** Standard input: lines to publish with {@code publish TOPIC -}. */
    final InputStream in;

    BeaconCli(InputStream in) {
        this.in = in;
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale, like the events themselves: the output is meant for pipes and jq as much as eyes.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        System.exit(run(args, System.in, out, err));
    }

    /** Runs one command line; answers the exit status. */
    static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new BeaconCli(in))
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((failure, ignored) -> {
                    err.println("beacon: " + failure.getMessage());
                    failure.getCommandLine().usage(err);
                    return ExitCodes.USAGE;
                })
                .setExecutionExceptionHandler((failure, command, ignored) -> {
                    if (failure instanceof BeaconException refused) {
                        err.println(ExitCodes.explain(refused, command.getParseResult().matchedOptionValue("--url",
                                "http://127.0.0.1:8080")));
                        return ExitCodes.of(refused);
                    }
                    if (failure instanceof IllegalArgumentException bad) {
                        err.println("beacon: " + bad.getMessage());
                        return ExitCodes.USAGE;
                    }
                    throw failure;
                });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: tail, publish, topics, jobs");
    }

    /** The version from the jar's manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BeaconCli.class.getPackage().getImplementationVersion();
            return new String[] {"beacon " + (version == null ? "(development build)" : version)};
        }
    }
}
