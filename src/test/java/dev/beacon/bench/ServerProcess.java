package dev.beacon.bench;

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
import java.util.regex.Matcher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** Beacon's runnable jar in a process of its own, measured through /proc and jcmd, stopped by its PID. */
final class ServerProcess implements AutoCloseable {

    static final String TOKEN = "bench-token";
    private static final long CLOCK_TICKS = 100;

    private final Process process;
    final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(Path jar, Map<String, String> settings) throws IOException {
        return start(jar, settings, "bench-server");
    }

    /** {@code name} names its log, {@code target/<name>.log}. */
    static ServerProcess start(Path jar, Map<String, String> settings, String name) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
        String extra = System.getenv("BENCH_SERVER_OPTS"); // e.g. a JFR recording for profiling
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BEACON_PORT", Integer.toString(port));
        builder.environment().put("BEACON_PUBLISH_TOKEN", TOKEN);
        // Every simulated client connects from 127.0.0.1: no per-address share of streams.
        builder.environment().put("BEACON_CLIENT_MAX_STREAMS", "0");
        builder.environment().putAll(settings);
        ServerProcess server = new ServerProcess(builder.start(), port);
        server.awaitReady(Path.of("target", name + ".log"));
        return server;
    }

    /** Copies the server's output to the log and waits for the line that says it is up. */
    private void awaitReady(Path log) throws IOException {
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
            throw new IOException("Beacon did not start within 60 s; see " + log, e);
        }
    }

    URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + "/api/" + path);
    }

    /** User plus system CPU seconds the server has used. */
    double cpuSeconds() throws IOException {
        return userCpuSeconds() + systemCpuSeconds();
    }

    /** CPU seconds the server has used in its own code (the JVM's included). */
    double userCpuSeconds() throws IOException {
        return stat(11) / (double) CLOCK_TICKS;
    }

    /** CPU seconds the kernel has spent for the server: mostly socket writes, and loopback's receive path with them. */
    double systemCpuSeconds() throws IOException {
        return stat(12) / (double) CLOCK_TICKS;
    }

    private long stat(int field) throws IOException {
        return stat(process.pid(), field);
    }

    /** User plus system CPU seconds another process (Redis) has used. */
    static double cpuSeconds(long pid) throws IOException {
        return (stat(pid, 11) + stat(pid, 12)) / (double) CLOCK_TICKS;
    }

    static double userCpuSeconds(long pid) throws IOException {
        return stat(pid, 11) / (double) CLOCK_TICKS;
    }

    private static long stat(long pid, int field) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[field]);
    }

    long rssKb() throws IOException {
        return status("VmRSS");
    }

    long threads() throws IOException {
        return status("Threads");
    }

    long openFiles() throws IOException {
        return openFiles(process.pid());
    }

    static long openFiles(long pid) throws IOException {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        }
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

    long openFilesLimit() throws IOException {
        return openFilesLimit(process.pid());
    }

    /** The soft limit on open files of a process, from /proc. */
    static long openFilesLimit(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        throw new IllegalStateException("No open files limit in /proc/" + pid + "/limits");
    }

    /** The classes on the heap by size, for finding what an idle connection holds. */
    void saveHeapHistogram(Path file) throws IOException, InterruptedException {
        Files.writeString(file, jcmd("GC.class_histogram"));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(process.pid()), command).redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return out;
    }

    private long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No " + field + " in /proc status");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM to this PID: Beacon's clean shutdown
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
