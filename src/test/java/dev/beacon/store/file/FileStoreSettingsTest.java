package dev.beacon.store.file;

import dev.beacon.config.BeaconConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file store's keys, and the stricter sync setting doing its job. */
class FileStoreSettingsTest {

    @TempDir
    Path directory;

    @Test
    void readsItsKeysWithTheDocumentedDefaults() {
        FileStoreSettings defaults = FileStoreSettings.from(BeaconConfig.withOverrides(Map.of()));
        assertEquals(Path.of(FileStoreSettings.DEFAULT_PATH), defaults.directory());
        assertEquals(FileStoreSettings.Sync.NORMAL, defaults.sync());
        assertEquals(0, defaults.maxBytes(), "as large as the disk allows");

        FileStoreSettings set = FileStoreSettings.from(BeaconConfig.withOverrides(Map.of(FileStoreSettings.PATH,
                "/srv/beacon", FileStoreSettings.SYNC, "FULL", FileStoreSettings.MAX_MB, "64",
                BeaconConfig.HISTORY_SIZE, "7", BeaconConfig.HISTORY_AGE, "60")));
        assertEquals(new FileStoreSettings(Path.of("/srv/beacon"), FileStoreSettings.Sync.FULL, 7,
                Duration.ofSeconds(60), 64L * 1024 * 1024), set);
    }

    @Test
    void anUnknownSyncSettingIsRefusedNamingTheKey() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> FileStoreSettings.from(
                BeaconConfig.withOverrides(Map.of(FileStoreSettings.SYNC, "sometimes"))));
        assertTrue(refused.getMessage().contains("beacon.store.sync (BEACON_STORE_SYNC) is 'sometimes'; expected"
                + " normal or full"), refused.getMessage());
    }

    @Test
    void aStoreWrittenWithFullSyncReopensWithEveryEvent() {
        try (StoreFixture fixture = new StoreFixture(directory)) {
            FileStoreSettings full = new FileStoreSettings(directory, FileStoreSettings.Sync.FULL, 10,
                    Duration.ofHours(1), 0);
            long id;
            try (FileStore store = fixture.open(full)) {
                id = StoreFixture.append(store, "news", "synced").id();
            }
            try (FileStore store = fixture.open(10)) {
                assertEquals("synced", store.find("news", id).orElseThrow().data());
            }
        }
    }
}
