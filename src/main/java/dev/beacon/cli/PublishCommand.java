package dev.beacon.cli;

import dev.beacon.client.BeaconClient;
import dev.beacon.client.OutgoingEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code beacon publish TOPIC [DATA]}: one event, or one per line of standard input; prints the ids. */
@Command(name = "publish", description = {"Publish an event and print its id. With DATA '-' (or no DATA), publish "
        + "one event per line of standard input, in order, and print each id."})
final class PublishCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @ParentCommand
    BeaconCli root;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "The topic.")
    String topic;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DATA", description = "The data, or - for standard input.")
    String data;

    @Option(names = "--event", paramLabel = "NAME", description = "The event name (default: message).")
    String event;

    @Option(names = "--json", description = "The data is JSON: subscribers get it as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        BeaconClient beacon = connection.client();
        PrintWriter out = spec.commandLine().getOut();
        if (data != null && !data.equals("-")) {
            out.println(beacon.publish(topic, outgoing(data)));
            return ExitCodes.OK;
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(root.in, StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            out.println(beacon.publish(topic, outgoing(line)));
            out.flush();
        }
        return ExitCodes.OK;
    }

    private OutgoingEvent outgoing(String text) {
        return json ? OutgoingEvent.json(event, text) : OutgoingEvent.text(event, text);
    }
}
