package dev.beacon.bench;

import dev.beacon.testing.AppServerProcess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Beacon under test in a process of its own (the runnable jar, or an app server with the WAR), measured through
 * /proc and jcmd, stopped by its PID.
 */
final class ServerProcess implements AutoCloseable {

    static final String TOKEN = "bench-token";
    /** Every server's heap: at most 1 GB, the JVM's own sizing below that. */
    static final List<String> HEAP = List.of("-Xmx1g");
    /**
     * For measuring memory (W1): the heap starts small and, after each full GC, keeps at most 10 % of it free, so its
     * committed size, and with it the process's RSS, follows the live data. With the JVM's defaults, pages the heap
     * touched once stay resident: what connections hold would show in RSS or not depending on what ran before.
     */
    static final List<String> HEAP_FOLLOWS_LIVE_DATA = List.of("-Xmx1g", "-Xms16m", "-XX:MinHeapFreeRatio=5",
            "-XX:MaxHeapFreeRatio=10");

    private final ProcessTree tree;
    private final URI base;
    private final AutoCloseable stop;
    final int port;

    private ServerProcess(ProcessHandle root, URI base, AutoCloseable stop) {
        this.tree = new ProcessTree(root);
        this.base = base;
        this.stop = stop;
        this.port = base.getPort();
    }

    /** Options for a server's JVM: the heap's, and {@code BENCH_SERVER_OPTS} (e.g. a JFR recording). */
    private static List<String> jvmOptions(List<String> heap) {
        List<String> options = new ArrayList<>(heap);
        String extra = System.getenv("BENCH_SERVER_OPTS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return options;
    }

    /** The settings every server gets on top of a workload's: the publish token, no per-address share of streams. */
    static Map<String, String> withCommonSettings(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("BEACON_PUBLISH_TOKEN", TOKEN);
        // Every simulated client connects from 127.0.0.1 (only the embedded runner has this limit).
        all.put("BEACON_CLIENT_MAX_STREAMS", "0");
        return all;
    }

    /** The runnable jar; {@code name} names its log, {@code target/<name>.log}. */
    static ServerProcess embedded(Path jar, Map<String, String> settings, String name, List<String> heap)
            throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions(heap));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(withCommonSettings(settings));
        builder.environment().put("BEACON_PORT", Integer.toString(port));
        Process process = builder.start();
        awaitReady(process, Path.of("target", name + ".log"));
        return new ServerProcess(process.toHandle(), URI.create("http://127.0.0.1:" + port + "/"), () -> {
            process.destroy(); // SIGTERM to this PID: Beacon's clean shutdown
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        });
    }

    /** The built WAR on an app server, started as the integration tests start it, in {@code target/bench-servers}. */
    static ServerProcess appServer(AppServerProcess server, Map<String, String> settings, List<String> heap)
            throws IOException, InterruptedException {
        Path work = Path.of("target", "bench-servers", server.name().replace(' ', '-').toLowerCase())
                .toAbsolutePath();
        server.start(new AppServerProcess.Launch(work, jvmOptions(heap), Map.of(), withCommonSettings(settings)));
        return new ServerProcess(server.process(), server.uri(), server);
    }

    /** Copies the server's output to the log and waits for the line that says it is up. */
    private static void awaitReady(Process process, Path log) throws IOException {
        CompletableFuture<Void> up = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println(line);
                    if (line.contains("Beacon is up at")) {
                        up.complete(null);
                    }
                }
                up.completeExceptionally(new IllegalStateException("Beacon exited; see " + log));
            } catch (IOException e) {
                up.completeExceptionally(e);
            }
        }, "bench-server-log");
        copier.setDaemon(true);
        copier.start();
        try {
            up.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("Beacon did not start within 60 s; see " + log, e);
        }
    }

    URI api(String path) {
        return base.resolve("api/" + path);
    }

    /** The request target of an API path, as a raw HTTP client sends it: {@code /beacon/api/streams/x}. */
    String target(String path) {
        return api(path).getRawPath();
    }

    /** User plus system CPU seconds the server (every process of it) has used. */
    double cpuSeconds() {
        return tree.cpuSeconds();
    }

    /** CPU seconds the server has used in its own code (the JVM's included). */
    double userCpuSeconds() {
        return tree.userCpuSeconds();
    }

    long rssKb() {
        return tree.rssKb();
    }

    long threads() {
        return ProcessTree.threads(tree.jvm());
    }

    long openFiles() throws IOException {
        return ProcessTree.openFiles(tree.jvm());
    }

    long openFilesLimit() throws IOException {
        return ProcessTree.openFilesLimit(tree.jvm());
    }

    /** Heap in use right after a full GC, in KB. */
    long heapAfterGcKb() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info gave no heap figure");
        }
        return Long.parseLong(used.group(1));
    }

    /** The classes on the heap by size, for finding what an idle connection holds. */
    void saveHeapHistogram(Path file) throws IOException, InterruptedException {
        Files.writeString(file, jcmd("GC.class_histogram"));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(tree.jvm()), command).redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
