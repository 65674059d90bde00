package dev.beacon.edge;

import dev.beacon.generator.Generators;
import dev.beacon.hub.Hub;
import dev.beacon.hub.TopicStats;
import dev.beacon.progress.Jobs;
import dev.beacon.testing.TestServer;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * What an attack could leave behind in the in-process server: its topics, subscribers, running generators and jobs,
 * threads, and the server's open sockets (from {@code /proc/net/tcp}: the server side of connections to its port
 * that are established, or closed by the client and not yet by the server, CLOSE-WAIT).
 *
 * @param threads threads running Beacon's code now (a generator, a job, a drain): idle pool threads do not count,
 *                since pools grow on demand and keep their threads
 */
record ServerState(Set<String> topics, int subscribers, int generators, int jobs, int threads, int sockets) {

    private static final Set<String> HELD = Set.of("01", "08"); // ESTABLISHED, CLOSE_WAIT
    private static final List<String> SERVER_THREADS = List.of("grizzly", "Grizzly", "beacon-", "jersey-server");

    static ServerState of(TestServer server) {
        Set<String> topics = server.bean(Hub.class).stats().stream().map(TopicStats::topic)
                .collect(Collectors.toCollection(TreeSet::new));
        return new ServerState(topics, server.bean(Hub.class).subscriberCount(),
                server.bean(Generators.class).running(), server.bean(Jobs.class).running(),
                busyThreads(), sockets(server.port()));
    }

    /** Waits until the server is back to {@code baseline}: the same topics, nothing more of the rest. */
    static void awaitBack(TestServer server, ServerState baseline) {
        try {
            await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> of(server).isWithin(baseline));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The server is not back to " + baseline + " within 15 s: " + of(server)
                    + "\nServer threads:\n" + Thread.getAllStackTraces().entrySet().stream()
                    .filter(thread -> SERVER_THREADS.stream().anyMatch(thread.getKey().getName()::startsWith))
                    .map(thread -> thread.getKey().getName() + " " + Arrays.toString(thread.getValue()))
                    .collect(Collectors.joining("\n")), e);
        }
    }

    boolean isWithin(ServerState baseline) {
        return topics.equals(baseline.topics) && subscribers <= baseline.subscribers
                && generators <= baseline.generators && jobs <= baseline.jobs && threads <= baseline.threads
                && sockets <= baseline.sockets;
    }

    private static int busyThreads() {
        return (int) Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> SERVER_THREADS.stream().anyMatch(thread.getKey().getName()::startsWith))
                .filter(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("dev.beacon.")))
                .count();
    }

    /** The server side of connections to {@code port} that are still held open. */
    static int sockets(int port) {
        String local = String.format(":%04X", port);
        int held = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && fields[1].toUpperCase(Locale.ROOT).endsWith(local)
                            && HELD.contains(fields[3])) {
                        held++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return held;
    }
}
