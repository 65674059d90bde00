package dev.beacon.bench;

import dev.beacon.testing.Directories;
import dev.beacon.testing.RedisServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the workloads against Beacon on each target in turn (the runnable jar on either transport, the WAR on Payara
 * Micro and on WildFly), each started as a process of its own on 127.0.0.1, and prints the detailed results and one
 * table with the targets side by side. Bounded: each workload has a fixed count and a deadline, and every process is
 * stopped by its PID at the end. The single-node workloads run once per target and store, each on a server of its own
 * (the file store in {@code target/bench-store}, whose bytes on disk per retained event are reported too). The C
 * workloads run on a cluster of the runnable jar: two Beacon processes on one Redis (Debian's redis-server, started
 * here), subscribers split across both, publishes to the first, server CPU summed over both nodes and Redis.
 *
 * <pre>{@code bench/run [--targets direct,portable,payara,wildfly] [W1,W2,W2P,W3,W4,C2P,C2] [memory,file]}</pre>
 * <p>
 * Without {@code --targets}, the runnable jar with the environment's {@code BEACON_TRANSPORT} on both stores, as before
 * targets existed; with it, the memory store unless stores are named.
 */
public final class LoadGenerator {

    private static final Path JAR = Path.of("target", "beacon-embedded.jar");
    private static final Map<String, String> SETTINGS = Map.of("BEACON_SUBSCRIBER_QUEUE", "4096",
            "BEACON_HISTORY_SIZE", "4096");

    private LoadGenerator() {
    }

    /** What to run: {@code [--targets a,b] [workloads] [stores]}, each a comma-separated list. */
    record Options(List<Target> targets, List<String> workloads, List<String> stores) {

        static Options parse(String[] args) {
            List<String> rest = new ArrayList<>(List.of(args));
            List<Target> targets = List.of(Target.EMBEDDED);
            String defaultStores = "memory,file";
            int flag = rest.indexOf("--targets");
            if (flag >= 0) {
                if (flag + 1 >= rest.size()) {
                    throw new IllegalArgumentException("--targets needs a list: direct,portable,payara,wildfly");
                }
                targets = Target.parse(rest.get(flag + 1));
                defaultStores = "memory";
                rest.subList(flag, flag + 2).clear();
            }
            List<String> workloads = list(!rest.isEmpty() ? rest.get(0) : String.join(",", Workloads.KNOWN));
            List<String> unknown = workloads.stream().filter(w -> !Workloads.KNOWN.contains(w)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Unknown workload " + unknown + ": " + Workloads.KNOWN);
            }
            return new Options(targets, workloads, list(rest.size() > 1 ? rest.get(1) : defaultStores));
        }

        private static List<String> list(String commaSeparated) {
            return java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\nUsage: bench/run [--targets direct,portable,payara,wildfly]"
                    + " [W1,W2,W2P,W3,W4,C2P,C2] [memory,file]");
            System.exit(2);
            return;
        }
        List<String> stores = options.stores();
        List<String> single = options.workloads().stream().filter(w -> !w.startsWith("C")).toList();
        List<String> cluster = options.workloads().stream().filter(w -> w.startsWith("C")).toList();
        List<String> rows = new ArrayList<>();
        Comparison table = new Comparison();
        for (Target target : single.isEmpty() ? List.<Target>of() : options.targets()) {
            for (String store : stores) {
                String column = target.title + (stores.size() > 1 ? " (" + store + ")" : "");
                rows.addAll(runOrSayWhy(target, single, store, column, table));
            }
        }
        if (!cluster.isEmpty()) {
            runCluster(cluster, rows);
        }
        print(rows, table);
    }

    /** One target's rows; if it could not be started or run, a row saying so, and the next target runs. */
    private static List<String> runOrSayWhy(Target target, List<String> workloads, String store, String column,
                                            Comparison table) {
        try {
            return run(target, workloads, store, column, table);
        } catch (Exception e) {
            System.err.println(column + " failed: " + e);
            table.put(column, "failed", e.getClass().getSimpleName());
            return List.of("[" + column + "] failed: " + e);
        }
    }

    /** Two nodes on one Redis with appendonly (as the README's cluster section configures it). */
    private static void runCluster(List<String> workloads, List<String> rows) throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Map<String, String> settings = new HashMap<>(SETTINGS);
            settings.put("BEACON_STORE", "redis");
            settings.put("BEACON_REDIS_URL", redis.url());
            try (ServerProcess a = ServerProcess.embedded(JAR, settings, "bench-node-a", ServerProcess.HEAP);
                 ServerProcess b = ServerProcess.embedded(JAR, settings, "bench-node-b", ServerProcess.HEAP)) {
                new Workloads(List.of(a, b), redis, rows, new Comparison(), "cluster", false).runAll(workloads);
            }
        }
    }

    /**
     * Every workload against one server that keeps its history in {@code store} (a fresh directory for files). W1 runs
     * on a server of its own whose heap follows its live data ({@link ServerProcess#HEAP_FOLLOWS_LIVE_DATA}), so RSS
     * shows what connections hold; the others on one with the usual heap.
     */
    private static List<String> run(Target target, List<String> workloads, String store, String column,
                                    Comparison table) throws Exception {
        List<String> rows = new ArrayList<>();
        if (workloads.contains("W1")) {
            rows.addAll(run(target, List.of("W1"), store, column, table, ServerProcess.HEAP_FOLLOWS_LIVE_DATA));
        }
        List<String> others = workloads.stream().filter(w -> !w.equals("W1")).toList();
        if (!others.isEmpty()) {
            rows.addAll(run(target, others, store, column, table, ServerProcess.HEAP));
        }
        return rows;
    }

    private static List<String> run(Target target, List<String> workloads, String store, String column,
                                    Comparison table, List<String> heap) throws Exception {
        Path directory = Path.of("target", "bench-store").toAbsolutePath();
        Directories.delete(directory);
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.put("BEACON_STORE", store);
        settings.put("BEACON_STORE_PATH", directory.toString());
        List<String> own = new ArrayList<>();
        List<String> rows;
        long retained;
        long whileRunning;
        try (ServerProcess server = target.start(settings, "bench-server", heap)) {
            new Workloads(List.of(server), null, own, table, column, target.embedded()).runAll(workloads);
            rows = own.stream().map(row -> "[" + column + "] " + row).toList();
            retained = StoreFiles.retainedEvents(server);
            whileRunning = StoreFiles.bytes(directory);
        }
        if (!store.equals("file") || retained == 0) {
            return rows;
        }
        long stopped = StoreFiles.bytes(directory);
        List<String> all = new ArrayList<>(rows);
        all.add(String.format("[%s] on disk: %,d bytes while running (database, log and index), %,d after a clean"
                        + " stop, for %,d retained events: %.0f and %.0f bytes per retained event", column,
                whileRunning, stopped, retained, whileRunning / (double) retained, stopped / (double) retained));
        return all;
    }

    private static void print(List<String> rows, Comparison table) {
        System.out.printf("Beacon benchmark, %s, %d cores, %s%s%n", Instant.now(), Runtime.getRuntime()
                .availableProcessors(), System.getProperty("java.version"), Workloads.SCALE == 1 ? ""
                : ", BENCH_SCALE=" + Workloads.SCALE + " (every count scaled: not the benchmark's figures)");
        rows.forEach(System.out::println);
        if (!table.isEmpty()) {
            System.out.println();
            table.lines().forEach(System.out::println);
        }
    }
}
