package dev.beacon.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server's CPU is its whole process tree's (WildFly's JVM is the child of a shell script): a child that works while
 * its parent waits counts, while it runs and after it has ended. Each child here stops only once it has used 0.2 s of
 * CPU by its own /proc figures, so nothing depends on how fast the machine is.
 */
class ProcessTreeTest {

    /** Shell arithmetic until the shell's own user time ({@code utime}, in 1/100 s) reaches 20 ticks. */
    private static final String WORK_FOR_20_TICKS = "i=0; while :; do i=$((i+1)); if [ $((i % 20000)) -eq 0 ]"
            + " && [ $(cut -d' ' -f14 /proc/$$/stat) -ge 20 ]; then exit 0; fi; done";
    private Process parent;

    @AfterEach
    void stop() {
        if (parent != null) {
            List<ProcessHandle> children = parent.descendants().toList();
            parent.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void countsWhatAChildUsesWhileItsParentWaits() throws IOException {
        // The child works without end; the parent only waits for it.
        parent = new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done' & wait").start();
        ProcessTree tree = new ProcessTree(parent.toHandle());

        await("the tree to have used 0.2 s of CPU").atMost(Duration.ofSeconds(60))
                .until(() -> tree.cpuSeconds() >= 0.2);
        assertTrue(parent.isAlive(), "the parent is still waiting: the CPU was its child's");
    }

    @Test
    void keepsWhatAChildUsedAfterItHasEnded() throws IOException {
        // The child works for 20 ticks and ends; the parent then waits on its standard input, which stays open.
        parent = new ProcessBuilder("sh", "-c", "sh -c \"$0\"; read line", WORK_FOR_20_TICKS).start();
        ProcessTree tree = new ProcessTree(parent.toHandle());

        await("the child to end").atMost(Duration.ofSeconds(120)).until(() -> parent.descendants().count() == 0);
        assertTrue(tree.cpuSeconds() >= 0.2, "the ended child's 0.2 s count: " + tree.cpuSeconds());
        assertTrue(tree.userCpuSeconds() >= 0.2, "as user time: " + tree.userCpuSeconds());
    }
}
