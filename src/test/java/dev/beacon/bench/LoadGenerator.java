package dev.beacon.bench;

import dev.beacon.testing.RedisServer;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Runs the workloads against Beacon's runnable jar and prints one table. Bounded: each workload has a fixed count and
 * a deadline, and every process is stopped by its PID at the end. The single-node workloads run once per store, each
 * on a server of its own (memory, then the file store in {@code target/bench-store}, whose bytes on disk per retained
 * event are reported too). The C workloads run on a cluster: two Beacon processes on one Redis (Debian's
 * redis-server, started here), subscribers split across both, publishes to the first, server CPU summed over both
 * nodes and Redis.
 *
 * <pre>{@code bench/run [W1,W2,W2P,W3,W4,C2P,C2] [memory,file]}</pre>
 */
public final class LoadGenerator {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Path JAR = Path.of("target", "beacon-embedded.jar");
    private static final Map<String, String> SETTINGS = Map.of("BEACON_SUBSCRIBER_QUEUE", "4096",
            "BEACON_HISTORY_SIZE", "4096");
    /** Where publishes go, and the one node of the single-node workloads. */
    private final ServerProcess server;
    /** Where subscribers connect, split evenly. */
    private final List<ServerProcess> nodes;
    /** The cluster's Redis, whose CPU counts as server CPU; null on one node. */
    private final RedisServer redis;
    private final List<String> rows;

    private LoadGenerator(List<ServerProcess> nodes, RedisServer redis, List<String> rows) {
        this.server = nodes.get(0);
        this.nodes = nodes;
        this.redis = redis;
        this.rows = rows;
    }

    public static void main(String[] args) throws Exception {
        List<String> workloads = List.of((args.length > 0 ? args[0] : "W1,W2,W2P,W3,W4,C2P,C2").split(","));
        List<String> stores = List.of((args.length > 1 ? args[1] : "memory,file").split(","));
        List<String> single = workloads.stream().map(String::trim).filter(w -> !w.startsWith("C")).toList();
        List<String> cluster = workloads.stream().map(String::trim).filter(w -> w.startsWith("C")).toList();
        List<String> rows = new ArrayList<>();
        if (!single.isEmpty()) {
            for (String store : stores) {
                rows.addAll(run(single, store.trim()));
            }
        }
        if (!cluster.isEmpty()) {
            runCluster(cluster, rows);
        }
        print(rows);
    }

    /** Two nodes on one Redis with appendonly (as the README's cluster section configures it). */
    private static void runCluster(List<String> workloads, List<String> rows) throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Map<String, String> settings = new java.util.HashMap<>(SETTINGS);
            settings.put("BEACON_STORE", "redis");
            settings.put("BEACON_REDIS_URL", redis.url());
            try (ServerProcess a = ServerProcess.start(JAR, settings, "bench-node-a");
                 ServerProcess b = ServerProcess.start(JAR, settings, "bench-node-b")) {
                new LoadGenerator(List.of(a, b), redis, rows).runAll(workloads);
            }
        }
    }

    private void runAll(List<String> workloads) throws Exception {
        warmUp();
        for (String workload : workloads) {
            run(workload);
        }
    }

    /** Every workload against one server that keeps its history in {@code store} (a fresh directory for files). */
    private static List<String> run(List<String> workloads, String store) throws Exception {
        Path directory = Path.of("target", "bench-store").toAbsolutePath();
        StoreFiles.delete(directory);
        Map<String, String> settings = new java.util.HashMap<>(SETTINGS);
        settings.put("BEACON_STORE", store);
        settings.put("BEACON_STORE_PATH", directory.toString());
        List<String> own = new ArrayList<>();
        List<String> rows;
        long retained;
        long whileRunning;
        try (ServerProcess server = ServerProcess.start(JAR, settings)) {
            LoadGenerator bench = new LoadGenerator(List.of(server), null, own);
            bench.runAll(workloads);
            rows = own.stream().map(row -> "[" + store + "] " + row).toList();
            retained = bench.retainedEvents();
            whileRunning = StoreFiles.bytes(directory);
        }
        if (!store.equals("file")) {
            return rows;
        }
        long stopped = StoreFiles.bytes(directory);
        List<String> all = new ArrayList<>(rows);
        all.add(String.format("[file] on disk: %,d bytes while running (database, log and index), %,d after a clean"
                        + " stop, for %,d retained events: %.0f and %.0f bytes per retained event", whileRunning,
                stopped, retained, whileRunning / (double) retained, stopped / (double) retained));
        return all;
    }

    /** Events the server retains, all topics: the sum of {@code retained} in {@code GET /api/topics}. */
    private long retainedEvents() throws Exception {
        String topics = new String(java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.api("topics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());
        java.util.regex.Matcher retained = java.util.regex.Pattern.compile("\"retained\":(\\d+)").matcher(topics);
        long sum = 0;
        while (retained.find()) {
            sum += Long.parseLong(retained.group(1));
        }
        return sum;
    }

    private void run(String workload) throws Exception {
        // Each workload starts from a collected heap in both processes, so none pays for the garbage of the one before
        // (a concurrent collection cycle on two cores shows up as latency).
        for (ServerProcess node : nodes) {
            node.heapAfterGcKb();
        }
        System.gc();
        switch (workload) {
            case "W1" -> {
                idle(1_000);
                idle(10_000);
                idle(heldAtMost(20_000));
            }
            case "W2" -> fanOut("W2 fan-out burst", "w2", 1_000, 2_000, 0);
            case "W2P" -> fanOut("W2 paced 20/s", "w2p", 1_000, 600, 20);
            case "W3" -> manyTopics("W3 2,000 topics", "w3-");
            case "W4" -> churn();
            case "C2" -> fanOut("C2 two nodes + Redis, burst", "c2", 1_000, 2_000, 0);
            case "C2P" -> fanOut("C2 two nodes + Redis, paced 20/s", "c2p", 1_000, 600, 20);
            default -> throw new IllegalArgumentException("Unknown workload " + workload);
        }
    }

    /**
     * Runs every workload's paths until the JIT has compiled them (bursts, paced events, many topics), so the figures
     * measure Beacon rather than the compiler (a fresh JVM spends its first seconds compiling). Nothing from here is
     * reported.
     */
    private void warmUp() throws Exception {
        int before = rows.size();
        for (int round = 0; round < 3; round++) {
            fanOut("warm-up", "warm", 500, 3_000, 0);
            new HttpPublisher(server).publish(5_000, 4, i -> "warm-" + (i % 100));
        }
        // Paced events reach subscribers that are up to date, one at a time: a path of its own for the compiler.
        fanOut("warm-up", "warm-paced", 1_000, 600, 50);
        manyTopics("warm-up", "warm3-");
        rows.subList(before, rows.size()).clear();
    }

    /**
     * Connections both processes can hold: {@code wanted}, or less when a process may not open that many files (each
     * connection is one file descriptor on either side, on top of the files each JVM has open, and 50 to spare).
     */
    private int heldAtMost(int wanted) throws Exception {
        long self = ProcessHandle.current().pid();
        long room = Math.min(ServerProcess.openFilesLimit(self) - ServerProcess.openFiles(self),
                server.openFilesLimit() - server.openFiles()) - 50;
        if (room < wanted) {
            System.err.printf("Holding %,d connections, not %,d: a process here may open %,d files%n",
                    room, wanted, server.openFilesLimit());
        }
        return (int) Math.min(wanted, room);
    }

    /** W1: memory per idle connection, over a baseline taken before connecting. */
    private void idle(int connections) throws Exception {
        long filesBefore = server.openFiles();
        long heapBefore = server.heapAfterGcKb();
        long rssBefore = server.rssKb();
        try (SseClients clients = new SseClients(server.port)) {
            clients.connect("/api/streams/w1-" + connections, connections);
            await(() -> clients.opened.get(), connections);
            long heap = server.heapAfterGcKb() - heapBefore;
            long rss = server.rssKb() - rssBefore;
            server.saveHeapHistogram(Path.of("target", "bench-w1-" + connections + "-histogram.txt"));
            rows.add(String.format("W1 idle %,d | RSS +%,d KB (%.1f KB/conn) | heap after GC +%,d KB (%.1f KB/conn)",
                    connections, rss, rss / (double) connections, heap, heap / (double) connections));
            clients.closeAll();
        }
        await(this::serverOpenFiles, filesBefore + 10, true); // the next workload may need every descriptor
    }

    private long serverOpenFiles() {
        try {
            return server.openFiles();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * W2 (and C2): one topic, {@code subscribers} connections split across the nodes; a burst (rate 0) or a paced
     * publisher, publishing to the first node.
     */
    private void fanOut(String name, String topic, int subscribers, int events, int perSecond) throws Exception {
        List<SseClients> clients = new ArrayList<>();
        try {
            for (int i = 0; i < nodes.size(); i++) {
                SseClients group = new SseClients(nodes.get(i).port);
                clients.add(group);
                group.connect("/api/streams/" + topic, subscribers / nodes.size()
                        + (i < subscribers % nodes.size() ? 1 : 0));
            }
            await(() -> sum(clients, c -> c.opened.get()), subscribers);
            Cpu cpu0 = cpu();
            long start = System.nanoTime();
            HttpPublisher publisher = new HttpPublisher(server);
            double publishSeconds = perSecond == 0 ? publisher.publish(events, 8, i -> topic)
                    : paced(publisher, topic, events, perSecond);
            long expected = (long) subscribers * events;
            await(() -> sum(clients, c -> c.events.get()), expected);
            Histogram latency = new Histogram(60_000_000L, 3);
            clients.forEach(c -> latency.add(c.latency()));
            report(name, sum(clients, c -> c.events.get()), latency, events / publishSeconds, expected, start, cpu0);
            clients.forEach(SseClients::closeAll);
        } finally {
            for (SseClients group : clients) {
                group.close();
            }
        }
    }

    private static long sum(List<SseClients> clients, java.util.function.ToLongFunction<SseClients> figure) {
        return clients.stream().mapToLong(figure).sum();
    }

    /** CPU seconds used so far: every server process (the nodes, and Redis on a cluster), Redis alone, this JVM. */
    private record Cpu(double server, double serverUser, double redis, double client) {
    }

    private Cpu cpu() throws java.io.IOException {
        double redisCpu = redis == null ? 0 : ServerProcess.cpuSeconds(redis.pid());
        double total = redisCpu;
        double user = redis == null ? 0 : ServerProcess.userCpuSeconds(redis.pid());
        for (ServerProcess node : nodes) {
            total += node.cpuSeconds();
            user += node.userCpuSeconds();
        }
        return new Cpu(total, user, redisCpu, clientCpuNanos() / 1e9);
    }

    private double paced(HttpPublisher publisher, String topic, int events, int perSecond) throws Exception {
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        for (int i = 0; i < events; i++) {
            long due = start + i * interval;
            java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime()); // the pace, not a sync
            publisher.send(topic).join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** W3: 2,000 topics with one subscriber each; 20,000 events round-robin from 4 concurrent publishers. */
    private void manyTopics(String name, String prefix) throws Exception {
        int topics = 2_000;
        int events = 20_000;
        try (SseClients clients = new SseClients(server.port)) {
            for (int t = 0; t < topics; t++) {
                clients.connect("/api/streams/" + prefix + t, 1);
            }
            await(() -> clients.opened.get(), topics);
            Cpu cpu0 = cpu();
            long start = System.nanoTime();
            HttpPublisher publisher = new HttpPublisher(server);
            double seconds = publisher.publish(events, 4, i -> prefix + (i % topics));
            await(() -> clients.events.get(), events);
            report(name, clients.events.get(), clients.latency(), events / seconds, events, start, cpu0);
            clients.closeAll();
        }
    }

    /** W4: connect, subscribe, disconnect, 10,000 times; then everything is back to its baseline. */
    private void churn() throws Exception {
        long threads0 = server.threads();
        long files0 = server.openFiles();
        long heap0 = server.heapAfterGcKb();
        int cycles = 10_000;
        try (SseClients clients = new SseClients(server.port)) {
            for (int batch = 0; batch < cycles / 500; batch++) {
                long target = clients.opened.get() + 500;
                clients.connect("/api/streams/w4", 500);
                await(() -> clients.opened.get(), target);
                clients.closeAll();
            }
        }
        // A client that leaves is found by the next heartbeat write (15 s); its objects go once its stream is ended.
        await(this::subscribersNow, 0, true);
        await(this::heapAfterGcKb, heap0 + heap0 / 5 + 5_000, true);
        rows.add(String.format("W4 churn %,d | subscribers after: %d | threads %d -> %d | fds %d -> %d | heap after GC"
                        + " %,d KB -> %,d KB", cycles, subscribersNow(), threads0, server.threads(), files0,
                server.openFiles(), heap0, heapAfterGcKb()));
    }

    private long heapAfterGcKb() {
        try {
            return server.heapAfterGcKb();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long subscribersNow() {
        try {
            String metrics = new String(java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(server.api("metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());
            return metrics.lines().filter(l -> l.startsWith("beacon_subscribers "))
                    .mapToLong(l -> (long) Double.parseDouble(l.split(" ")[1])).findFirst().orElse(-1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void report(String name, long delivered, Histogram latency, double publishesPerSecond, long expected,
                        long start, Cpu cpu0) throws Exception {
        double seconds = (System.nanoTime() - start) / 1e9;
        Cpu cpu = cpu();
        double serverCpu = cpu.server - cpu0.server;
        double userCpu = cpu.serverUser - cpu0.serverUser;
        rows.add(String.format("%s | %,.0f publishes/s | %,.0f deliveries/s | %,.0f deliveries per server CPU-s"
                        + " (server CPU %.2f s%s, %.1f us user + %.1f us system per delivery; client CPU %.2f s)"
                        + " | latency p50 %.1f ms p99 %.1f ms max %.1f ms | delivered %,d/%,d",
                name, publishesPerSecond, delivered / seconds, delivered / serverCpu, serverCpu,
                redis == null ? "" : String.format(" of which Redis %.2f s", cpu.redis - cpu0.redis),
                userCpu * 1e6 / delivered, (serverCpu - userCpu) * 1e6 / delivered, cpu.client - cpu0.client,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0, delivered, expected));
    }

    private static void await(LongSupplier value, long target) {
        await(value, target, false);
    }

    /** Waits, within the deadline, for a figure to reach its target (or fall to it); a miss is reported, not hidden. */
    private static void await(LongSupplier value, long target, boolean down) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (down ? value.getAsLong() > target : value.getAsLong() < target) {
            if (Instant.now().isAfter(deadline)) {
                System.err.printf("Deadline passed at %,d of %,d%n", value.getAsLong(), target);
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void print(List<String> rows) {
        System.out.printf("Beacon benchmark, %s, %d cores, %s%n", Instant.now(), Runtime.getRuntime()
                .availableProcessors(), System.getProperty("java.version"));
        rows.forEach(System.out::println);
    }
}
