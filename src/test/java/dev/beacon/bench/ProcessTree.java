package dev.beacon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A server as /proc sees it: the process started and every process below it (WildFly's JVM is the child of its launch
 * script). CPU is summed over the whole tree, each process's own time plus what it collected from children that have
 * ended, so a server that forks is measured in full.
 */
final class ProcessTree {

    private static final long CLOCK_TICKS = 100;
    // Fields of /proc/<pid>/stat counted from the state (the third field): utime, stime, cutime, cstime.
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    private final ProcessHandle root;

    ProcessTree(ProcessHandle root) {
        this.root = root;
    }

    static ProcessTree of(long pid) {
        return new ProcessTree(ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No process " + pid)));
    }

    /** User plus system CPU seconds of the tree. */
    double cpuSeconds() {
        return ticks(UTIME, STIME, CUTIME, CSTIME) / (double) CLOCK_TICKS;
    }

    /** CPU seconds the tree has used in its own code (the JVM's included); the rest is the kernel's, for it. */
    double userCpuSeconds() {
        return ticks(UTIME, CUTIME) / (double) CLOCK_TICKS;
    }

    /** Resident memory of the tree, in KB. */
    long rssKb() {
        return members().mapToLong(pid -> status(pid, "VmRSS")).sum();
    }

    /**
     * The Java process of the tree, for jcmd, threads and descriptors: the root, unless it is a script whose child runs
     * {@code java}.
     */
    long jvm() {
        return members().filter(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().command())
                        .map(command -> command.endsWith("/java")).orElse(false))
                .findFirst().orElse(root.pid());
    }

    /** Threads of a process. */
    static long threads(long pid) {
        return status(pid, "Threads");
    }

    static long openFiles(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        }
    }

    /** The soft limit on open files of a process. */
    static long openFilesLimit(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        throw new IllegalStateException("No open files limit in /proc/" + pid + "/limits");
    }

    private Stream<Long> members() {
        return Stream.concat(Stream.of(root), root.descendants()).map(ProcessHandle::pid);
    }

    private long ticks(int... fields) {
        long sum = 0;
        for (long pid : members().toList()) {
            List<String> stat = stat(pid);
            for (int field : fields) {
                sum += stat.isEmpty() ? 0 : Long.parseLong(stat.get(field));
            }
        }
        return sum;
    }

    /** The fields after the command's name; none for a process that has just ended. */
    private static List<String> stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException ended) {
            return List.of();
        }
    }

    /** A figure of /proc/<pid>/status; 0 for a process that has ended (a zombie has no VmRSS). */
    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException ended) {
            return 0;
        }
        return 0;
    }
}
