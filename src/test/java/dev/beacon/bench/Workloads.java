package dev.beacon.bench;

import dev.beacon.testing.RedisServer;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The workloads against one server (or a cluster of nodes), each with a fixed count and a deadline. Each adds a line
 * to the detailed report and the figures to the {@link Comparison} under its column. {@code BENCH_SCALE}
 * (0.1 for a smoke run) scales every count; the rate of the paced workload stays 20 events/s.
 */
final class Workloads {

    static final List<String> KNOWN = List.of("W1", "W2", "W2P", "W3", "W4", "C2P", "C2");
    static final Duration DEADLINE = Duration.ofSeconds(120);
    static final double SCALE = Double.parseDouble(System.getenv().getOrDefault("BENCH_SCALE", "1"));
    /** Warming up is not measured: bounded more tightly, so a slow server does not spend minutes on it. */
    private static final Duration WARM_STEP = Duration.ofSeconds(20);
    /** Paced events go one at a time, on one keep-alive connection. */
    private static final int SEQUENTIAL = 1;
    /**
     * Requests in flight of the burst (W2, C2) and of W3: one, on one keep-alive connection, as issue 12 measured;
     * {@code BENCH_IN_FLIGHT=8} publishes as the burst did before (W3 had 4).
     */
    private static final int IN_FLIGHT = Integer.parseInt(System.getenv().getOrDefault("BENCH_IN_FLIGHT", "1"));

    /** Where publishes go, and the one node of the single-node workloads. */
    final ServerProcess server;
    /** Where subscribers connect, split evenly. */
    private final List<ServerProcess> nodes;
    /** The cluster's Redis, whose CPU counts as server CPU; null on one node. */
    private final RedisServer redis;
    private final List<String> rows;
    private final Comparison table;
    private final String column;
    private final Idle idle;

    Workloads(List<ServerProcess> nodes, RedisServer redis, List<String> rows, Comparison table, String column,
              boolean embedded) {
        this.server = nodes.get(0);
        this.nodes = nodes;
        this.redis = redis;
        this.rows = rows;
        this.table = table;
        this.column = column;
        this.idle = new Idle(server, rows, table, column, embedded);
    }

    static int scaled(int count) {
        return (int) Math.max(1, Math.round(count * SCALE));
    }

    /** The warm-up (unless there is only W1, which measures connections, not paths), then each in the order given. */
    void runAll(List<String> workloads) throws Exception {
        if (workloads.stream().anyMatch(w -> !w.equals("W1"))) {
            warmUp();
        }
        for (String workload : workloads) {
            run(workload);
        }
    }

    private void run(String workload) throws Exception {
        // Each workload starts from a collected heap in both processes, so none pays for the garbage of the one before
        // (a concurrent collection cycle on two cores shows up as latency).
        for (ServerProcess node : nodes) {
            node.heapAfterGcKb();
        }
        System.gc();
        switch (workload) {
            case "W1" -> idle.run();
            case "W2" -> burst();
            case "W2P" -> paced();
            case "W3" -> manyTopics();
            case "W4" -> idle.churn();
            case "C2" -> rows.add(fanOut("c2", scaled(1_000), scaled(2_000), 0, IN_FLIGHT, DEADLINE)
                    .row("C2 two nodes + Redis, burst", true));
            case "C2P" -> rows.add(fanOut("c2p", scaled(1_000), scaled(600), 20, SEQUENTIAL, DEADLINE)
                    .row("C2 two nodes + Redis, paced 20/s", true));
            default -> throw new IllegalArgumentException("Unknown workload " + workload);
        }
    }

    /** W2 paced: one topic, 1,000 subscribers, 600 events at 20 a second. */
    private void paced() throws Exception {
        int subscribers = scaled(1_000);
        Measured paced = fanOut("w2p", subscribers, scaled(600), 20, SEQUENTIAL, DEADLINE);
        rows.add(paced.row("W2 paced 20/s", false));
        String name = String.format("%,d subscribers, 20 events/s", subscribers);
        put(name + ": deliveries per server CPU-second", String.format("%,.0f", paced.perServerCpuSecond()));
        put(name + ": p99 latency", String.format("%.1f ms", paced.p99Ms()));
        put(name + ": delivered", paced.loss());
    }

    /** W2 burst: one topic, 1,000 subscribers, 2,000 events as fast as the publisher gets them accepted. */
    private void burst() throws Exception {
        int subscribers = scaled(1_000);
        int events = scaled(2_000);
        Measured burst = fanOut("w2", subscribers, events, 0, IN_FLIGHT, DEADLINE);
        rows.add(burst.row("W2 fan-out burst", false));
        String name = String.format("%,d subscribers, %,d events as fast as accepted%s", subscribers, events,
                IN_FLIGHT == 1 ? "" : " (" + IN_FLIGHT + " in flight)");
        put(name + ": deliveries per server CPU-second", String.format("%,.0f", burst.perServerCpuSecond()));
        put(name + ": delivered", burst.loss());
        put(name + ": publishes/s", burst.publishRate());
    }

    /** W3: 2,000 topics with one subscriber each; 20,000 events round-robin from one sequential publisher. */
    private void manyTopics() throws Exception {
        int topics = scaled(2_000);
        Measured measured = manyTopics("w3-", topics, scaled(20_000), DEADLINE);
        rows.add(measured.row(String.format("W3 %,d topics", topics), false));
        String name = String.format("%,d topics, one subscriber each, %s", topics,
                IN_FLIGHT == 1 ? "one sequential publisher" : IN_FLIGHT + " publishes in flight");
        put(name + ": publishes/s", measured.publishRate());
        put(name + ": server CPU per publish", String.format("%.0f us",
                measured.cpu().server() * 1e6 / measured.published().accepted()));
        put(name + ": delivered", measured.loss());
    }

    private void put(String row, String value) {
        table.put(column, row, value);
    }

    /**
     * Runs every workload's paths until the JIT has compiled them (bursts, paced events, many topics), so the figures
     * measure Beacon rather than the compiler (a fresh JVM spends its first seconds compiling). Nothing from here is
     * reported.
     */
    private void warmUp() throws Exception {
        for (int round = 0; round < 3; round++) {
            fanOut("warm", scaled(500), scaled(3_000), 0, 8, WARM_STEP);
            new HttpPublisher(server).publish(scaled(5_000), 4, i -> "warm-" + (i % 100), WARM_STEP);
        }
        // Paced events reach subscribers that are up to date, one at a time: a path of its own for the compiler.
        fanOut("warm-paced", scaled(1_000), scaled(600), 50, SEQUENTIAL, WARM_STEP);
        manyTopics("warm3-", scaled(2_000), scaled(20_000), WARM_STEP);
    }

    /**
     * One topic, {@code subscribers} connections split across the nodes; a burst (rate 0, {@code inFlight} requests
     * at a time) or a paced publisher, publishing to the first node.
     */
    private Measured fanOut(String topic, int subscribers, int events, int perSecond, int inFlight, Duration deadline)
            throws Exception {
        List<SseClients> clients = new ArrayList<>();
        try {
            for (int i = 0; i < nodes.size(); i++) {
                SseClients group = new SseClients(nodes.get(i).port);
                clients.add(group);
                group.connect(nodes.get(i).target("streams/" + topic), subscribers / nodes.size()
                        + (i < subscribers % nodes.size() ? 1 : 0));
            }
            Idle.await(() -> sum(clients, c -> c.opened.get()), subscribers);
            Measured.Cpu cpu0 = cpu();
            long start = System.nanoTime();
            HttpPublisher publisher = new HttpPublisher(server);
            HttpPublisher.Published published = perSecond == 0
                    ? publisher.publish(events, inFlight, i -> topic, deadline)
                    : publisher.paced(topic, events, perSecond, deadline);
            long expected = (long) subscribers * published.accepted();
            Idle.await(() -> sum(clients, c -> c.events.get()), expected);
            Histogram latency = new Histogram(60_000_000L, 3);
            clients.forEach(c -> latency.add(c.latency()));
            Measured measured = new Measured(sum(clients, c -> c.events.get()), expected, latency, published,
                    (System.nanoTime() - start) / 1e9, cpu().minus(cpu0));
            clients.forEach(SseClients::closeAll);
            return measured;
        } finally {
            for (SseClients group : clients) {
                group.close();
            }
        }
    }

    private Measured manyTopics(String prefix, int topics, int events, Duration deadline) throws Exception {
        try (SseClients clients = new SseClients(server.port)) {
            for (int t = 0; t < topics; t++) {
                clients.connect(server.target("streams/" + prefix + t), 1);
            }
            Idle.await(() -> clients.opened.get(), topics);
            Measured.Cpu cpu0 = cpu();
            long start = System.nanoTime();
            HttpPublisher.Published published = new HttpPublisher(server)
                    .publish(events, IN_FLIGHT, i -> prefix + (i % topics), deadline);
            Idle.await(() -> clients.events.get(), published.accepted());
            Measured measured = new Measured(clients.events.get(), published.accepted(), clients.latency(), published,
                    (System.nanoTime() - start) / 1e9, cpu().minus(cpu0));
            clients.closeAll();
            return measured;
        }
    }

    private static long sum(List<SseClients> clients, ToLongFunction<SseClients> figure) {
        return clients.stream().mapToLong(figure).sum();
    }

    /** CPU seconds used so far: every server process (the nodes, and Redis on a cluster), Redis alone, this JVM. */
    private Measured.Cpu cpu() {
        ProcessTree redisTree = redis == null ? null : ProcessTree.of(redis.pid());
        double redisCpu = redisTree == null ? 0 : redisTree.cpuSeconds();
        double total = redisCpu;
        double user = redisTree == null ? 0 : redisTree.userCpuSeconds();
        for (ServerProcess node : nodes) {
            total += node.cpuSeconds();
            user += node.userCpuSeconds();
        }
        long client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Measured.Cpu(total, user, redisCpu, client / 1e9);
    }
}
