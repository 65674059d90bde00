package dev.beacon.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The workloads about connections rather than events: W1, what an idle connection costs (RSS of the whole server and
 * heap after GC), and W4, whether connecting and leaving 10,000 times leaves anything behind.
 */
final class Idle {

    private final ServerProcess server;
    private final List<String> rows;
    private final Comparison table;
    private final String column;
    /** Only the runnable jar is tried with as many connections as this machine allows. */
    private final boolean tryTheMost;

    Idle(ServerProcess server, List<String> rows, Comparison table, String column, boolean tryTheMost) {
        this.server = server;
        this.rows = rows;
        this.table = table;
        this.column = column;
        this.tryTheMost = tryTheMost;
    }

    /** W1: 1,000 and 10,000 idle subscribers on one topic (and the most the machine allows, embedded). */
    void run() throws Exception {
        prime(Workloads.scaled(100));
        idle(Workloads.scaled(1_000));
        idle(Workloads.scaled(10_000));
        if (tryTheMost) {
            idle(heldAtMost(Workloads.scaled(20_000)));
        }
    }

    /**
     * Connections both processes can hold: {@code wanted}, or less when a process may not open that many files (each
     * connection is one file descriptor on either side, on top of the files each JVM has open, and 50 to spare).
     */
    private int heldAtMost(int wanted) throws Exception {
        long self = ProcessHandle.current().pid();
        long room = Math.min(ProcessTree.openFilesLimit(self) - ProcessTree.openFiles(self),
                server.openFilesLimit() - server.openFiles()) - 50;
        if (room < wanted) {
            System.err.printf("Holding %,d connections, not %,d: a process here may open %,d files%n",
                    room, wanted, server.openFilesLimit());
        }
        return (int) Math.min(wanted, room);
    }

    /**
     * Opens and closes a few streams first, so the baseline has what the first stream costs once (classes loaded, code
     * compiled, buffers pooled) and the figures are what each connection adds.
     */
    private void prime(int connections) throws Exception {
        long filesBefore = server.openFiles();
        try (SseClients clients = new SseClients(server.port)) {
            clients.connect(server.target("streams/w1-prime"), connections);
            await(() -> clients.opened.get(), connections);
            clients.closeAll();
        }
        await(this::serverOpenFiles, filesBefore + 10, true);
    }

    /** Memory per idle connection, over a baseline taken before connecting (both after a full GC). */
    private void idle(int connections) throws Exception {
        long filesBefore = server.openFiles();
        long heapBefore = server.heapAfterGcKb();
        long rssBefore = server.rssKb();
        try (SseClients clients = new SseClients(server.port)) {
            clients.connect(server.target("streams/w1-" + connections), connections);
            await(() -> clients.opened.get(), connections);
            long heap = server.heapAfterGcKb() - heapBefore;
            long rss = server.rssKb() - rssBefore;
            server.saveHeapHistogram(Path.of("target", "bench-w1-" + column.replaceAll("[^A-Za-z0-9]+", "-")
                    .toLowerCase() + "-" + connections + "-histogram.txt"));
            rows.add(String.format("W1 idle %,d (%,d open) | RSS +%,d KB (%.1f KB/conn) | heap after GC +%,d KB"
                            + " (%.1f KB/conn)", connections, clients.opened.get(), rss, rss / (double) connections,
                    heap, heap / (double) connections));
            String name = String.format("idle, %,d subscribers", connections);
            table.put(column, name + ": RSS per connection", String.format("%.1f KB", rss / (double) connections));
            table.put(column, name + ": heap after GC per connection", String.format("%.1f KB",
                    heap / (double) connections));
            clients.closeAll();
        }
        await(this::serverOpenFiles, filesBefore + 10, true); // the next workload may need every descriptor
    }

    /** W4: connect, subscribe, disconnect, 10,000 times; then everything is back to its baseline. */
    void churn() throws Exception {
        long threads0 = server.threads();
        long files0 = server.openFiles();
        long heap0 = server.heapAfterGcKb();
        int cycles = Workloads.scaled(10_000);
        int batch = Math.min(500, cycles);
        try (SseClients clients = new SseClients(server.port)) {
            for (int done = 0; done < cycles; done += batch) {
                long target = clients.opened.get() + batch;
                clients.connect(server.target("streams/w4"), batch);
                await(() -> clients.opened.get(), target);
                clients.closeAll();
            }
        }
        // A client that leaves is found by the next heartbeat write (15 s); its objects go once its stream is ended.
        await(this::subscribersNow, 0, true);
        await(this::heapAfterGcKb, heap0 + heap0 / 5 + 5_000, true);
        String after = String.format("subscribers after: %d | threads %d -> %d | fds %d -> %d | heap after GC"
                        + " %,d KB -> %,d KB", subscribersNow(), threads0, server.threads(), files0,
                server.openFiles(), heap0, heapAfterGcKb());
        rows.add(String.format("W4 churn %,d | %s", cycles, after));
        table.put(column, String.format("%,d connect/subscribe/disconnect cycles", cycles), after.replace('|', ';'));
    }

    private long serverOpenFiles() {
        try {
            return server.openFiles();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long heapAfterGcKb() {
        try {
            return server.heapAfterGcKb();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code beacon_subscribers} of {@code GET /api/metrics}. */
    private long subscribersNow() {
        try {
            String metrics = new String(HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.api("metrics")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body());
            return metrics.lines().filter(l -> l.startsWith("beacon_subscribers "))
                    .mapToLong(l -> (long) Double.parseDouble(l.split(" ")[1])).findFirst().orElse(-1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(LongSupplier value, long target) {
        await(value, target, false);
    }

    /** Waits, within the deadline, for a figure to reach its target (or fall to it); a miss is reported, not hidden. */
    static void await(LongSupplier value, long target, boolean down) {
        Instant deadline = Instant.now().plus(Workloads.DEADLINE);
        while (down ? value.getAsLong() > target : value.getAsLong() < target) {
            if (Instant.now().isAfter(deadline)) {
                System.err.printf("Deadline passed at %,d of %,d%n", value.getAsLong(), target);
                return;
            }
            LockSupport.parkNanos(20_000_000L);
        }
    }
}
