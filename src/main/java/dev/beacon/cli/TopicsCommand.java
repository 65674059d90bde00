package dev.beacon.cli;

import dev.beacon.client.TopicInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code beacon topics}: the hub's topics and their figures, as a table. */
@Command(name = "topics", description = "List the hub's topics: subscribers now, events published, deliveries, "
        + "subscribers dropped for being slow, events retained.")
final class TopicsCommand implements Callable<Integer> {

    private static final List<String> HEADER = List.of("TOPIC", "SUBSCRIBERS", "PUBLISHED", "DELIVERED", "DROPPED",
            "RETAINED");

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<TopicInfo> topics = connection.client().topics();
        PrintWriter out = spec.commandLine().getOut();
        if (topics.isEmpty()) {
            out.println("No topics yet.");
            return ExitCodes.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (TopicInfo topic : topics) {
            rows.add(List.of(topic.topic(), Long.toString(topic.subscribers()), Long.toString(topic.published()),
                    Long.toString(topic.delivered()), Long.toString(topic.droppedSlow()),
                    Long.toString(topic.retained())));
        }
        print(out, rows);
        return ExitCodes.OK;
    }

    /** The first column left-aligned, the figures right-aligned, two spaces apart. */
    private static void print(PrintWriter out, List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(String.format("%-" + widths[0] + "s", row.get(0)));
            for (int i = 1; i < row.size(); i++) {
                line.append("  ").append(String.format("%" + widths[i] + "s", row.get(i)));
            }
            out.println(line);
        }
    }
}
