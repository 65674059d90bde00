package dev.beacon.cli;

import dev.beacon.client.BeaconEvent;
import dev.beacon.client.BeaconGap;
import dev.beacon.client.EventStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code beacon tail TOPIC...}: events as they come, resuming by itself. */
@Command(name = "tail", description = {"Print the events of one or more topics as they come. Reconnects by itself and "
        + "resumes after the last event printed; a gap (events the server no longer had) is reported on stderr."})
final class TailCommand implements Callable<Integer> {

    enum Format { RAW, JSON }

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TOPIC", description = "Topics to follow, in one stream.")
    List<String> topics;

    @Option(names = "--format", paramLabel = "raw|json", defaultValue = "raw",
            description = "raw: each event's data; json: one object per line with id, topic, event, data.")
    Format format;

    @Option(names = "--from", paramLabel = "ID", description = "Start after this event id.")
    String from;

    @Option(names = "--cursor-file", paramLabel = "FILE",
            description = "Keep the last event id in FILE; started again, tail continues exactly after it.")
    Path cursorFile;

    @Option(names = "--count", paramLabel = "N", description = "Exit after N events.")
    Integer count;

    @Option(names = "--filter", paramLabel = "KEY=VALUE", description = "A stream filter, such as severity=high.")
    List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1");
        }
        CursorFile cursor = cursorFile == null ? null : new CursorFile(cursorFile);
        EventStream stream = connection.client().stream(topics).from(from != null ? from
                : cursor != null ? cursor.read() : null);
        for (String filter : filters) {
            int equals = filter.indexOf('=');
            if (equals < 1) {
                throw new ParameterException(spec.commandLine(), "--filter takes KEY=VALUE, got '" + filter + "'");
            }
            stream.filter(filter.substring(0, equals), filter.substring(equals + 1));
        }
        Printer printer = new Printer(spec.commandLine().getOut(), spec.commandLine().getErr(), cursor);
        return printer.await(stream.subscribe(printer));
    }

    private final class Printer extends Watch {
        private final PrintWriter out;
        private final CursorFile cursor;
        private final AtomicInteger printed = new AtomicInteger();

        Printer(PrintWriter out, PrintWriter err, CursorFile cursor) {
            super(err, connection.url);
            this.out = out;
            this.cursor = cursor;
        }

        @Override
        public void onEvent(BeaconEvent event) {
            out.println(format == Format.JSON ? event.toJson() : event.data());
            out.flush();
            if (cursor != null && event.id() != null) {
                cursor.write(event.id());
            }
            if (count != null && printed.incrementAndGet() >= count) {
                exit(ExitCodes.OK);
            }
        }

        @Override
        public void onPosition(String lastEventId) {
            if (cursor != null && !lastEventId.isEmpty()) {
                cursor.write(lastEventId);
            }
        }

        @Override
        public void onGap(BeaconGap gap) {
            err.println("beacon: events after " + gap.lastEventId() + " were missed (" + gap.reason()
                    + "): the server no longer had them; carrying on with what it has");
            err.flush();
        }
    }
}
