package dev.beacon.store.file;

import dev.beacon.config.BeaconConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What the file store is told: where it lives, how hard it syncs, how much it keeps.
 *
 * @param directory   the store's directory (created if missing)
 * @param sync        what a commit waits for (see {@link Sync})
 * @param historySize events kept per topic
 * @param historyAge  how long an event is kept
 * @param maxBytes    the largest the database may grow, or 0 for as large as the disk allows
 */
public record FileStoreSettings(Path directory, Sync sync, int historySize, Duration historyAge, long maxBytes) {

    public static final String PATH = "beacon.store.path";
    public static final String SYNC = "beacon.store.sync";
    public static final String MAX_MB = "beacon.store.max-mb";
    public static final String DEFAULT_PATH = "beacon-data";

    /**
     * What a commit waits for before the publishers of its events are answered. Both survive the process being
     * killed (a commit is in the operating system's hands before it is acknowledged); they differ on power loss.
     */
    public enum Sync {
        /**
         * SQLite's {@code synchronous=NORMAL} in WAL mode: no fsync per commit. The database stays consistent, but the
         * commits since the last checkpoint's sync may be lost on power loss or an operating system crash.
         */
        NORMAL,
        /** SQLite's {@code synchronous=FULL}: the log is fsynced at every commit, so a power loss loses nothing. */
        FULL
    }

    /** The file store's settings from Beacon's configuration. */
    public static FileStoreSettings from(BeaconConfig config) {
        Path directory = Path.of(config.text(PATH).orElse(DEFAULT_PATH));
        Sync sync = config.text(SYNC).map(FileStoreSettings::sync).orElse(Sync.NORMAL);
        long maxBytes = config.integer(MAX_MB, 0, 0, Integer.MAX_VALUE) * 1024L * 1024L;
        return new FileStoreSettings(directory, sync, config.historySize(), config.historyAge(), maxBytes);
    }

    private static Sync sync(String value) {
        try {
            return Sync.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Setting " + SYNC + " (" + BeaconConfig.envName(SYNC) + ") is '"
                    + value + "'; expected normal or full");
        }
    }
}
