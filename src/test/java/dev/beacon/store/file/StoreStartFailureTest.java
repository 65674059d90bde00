package dev.beacon.store.file;

import dev.beacon.config.BeaconConfig;
import dev.beacon.testing.BeaconProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded runner refuses to start on a store it cannot use, with one line that names the directory and says what
 * to do (no wall of CDI stack traces), and a non-zero exit; it never starts on an empty store instead.
 */
class StoreStartFailureTest {

    @TempDir
    Path work;

    @Test
    void aSecondBeaconOnTheSameDirectoryIsRefused() {
        Path store = work.resolve("store");
        Map<String, String> settings = Map.of(BeaconConfig.STORE, BeaconConfig.STORE_FILE,
                FileStoreSettings.PATH, store.toString());
        try (BeaconProcess first = BeaconProcess.start(work.resolve("first.log"), settings)) {
            BeaconProcess.Exit second = BeaconProcess.runToExit(List.of(), work.resolve("second.log"), settings);

            assertEquals(1, second.code(), second.output());
            assertRefusedInOneLine(second.output(), "Beacon did not start: The store directory " + store
                    + " is in use by another process, which holds the lock on " + store.resolve(StoreLock.FILE));
            assertTrue(first.log().contains("History is kept in " + store.resolve(Database.FILE)), first.log());
        }
    }

    @Test
    void aReadOnlyDirectoryIsRefused() throws IOException, InterruptedException {
        List<String> readOnly = readOnlyMount();
        Path store = work.resolve("store");
        Files.createDirectories(store);

        BeaconProcess.Exit exit = BeaconProcess.runToExit(readOnly, work.resolve("read-only.log"),
                Map.of(BeaconConfig.STORE, BeaconConfig.STORE_FILE, FileStoreSettings.PATH, store.toString()));

        assertEquals(1, exit.code(), exit.output());
        assertRefusedInOneLine(exit.output(), "Beacon did not start: The store directory " + store
                + " is not writable (" + store.resolve(StoreLock.FILE) + ": Read-only file system). Point "
                + FileStoreSettings.PATH);
    }

    private static void assertRefusedInOneLine(String output, String expected) {
        assertTrue(output.contains(expected), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
        assertFalse(output.contains("Exception"), "no exception names, only the reason: " + output);
    }

    /**
     * The command prefix that runs Beacon with the store directory mounted read-only: a private mount namespace
     * ({@code unshare}, util-linux), where the directory is bind-mounted onto itself read-only. Root may write to any
     * directory whatever its permissions, so only a read-only mount makes it refuse, for any user.
     */
    private List<String> readOnlyMount() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("unshare", "-rm", "true").redirectErrorStream(true).start();
        boolean usable = probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        String why = "needs 'unshare -rm' (Debian package util-linux) and user namespaces; " + new String(
                probe.getInputStream().readAllBytes()).trim();
        if (!usable && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Cannot test a read-only store directory: " + why);
        }
        Assumptions.assumeTrue(usable, "Skipped: a read-only store directory " + why);
        return List.of("unshare", "-rm", "sh", "-c", "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\""
                + " \"$0\" && exec \"$@\"", work.resolve("store").toString());
    }
}
