package dev.beacon.store.file;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.StoreUnavailableException;
import dev.beacon.store.StoreOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.beacon.store.file.StoreFixture.append;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store that cannot be used says so: at open, with the path and what to do, never by starting empty; while running,
 * a write that fails is an unavailable store, and nothing of it is ever delivered.
 */
class FileStoreRefusalTest {

    @TempDir
    Path directory;
    private StoreFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new StoreFixture(directory);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefused() {
        try (FileStore first = fixture.open(10)) {
            StoreOpenException refused = assertThrows(StoreOpenException.class, () -> fixture.open(10));
            assertTrue(refused.getMessage().contains(directory.toString()) && refused.getMessage().contains("in use"),
                    refused.getMessage());
            append(first, "news", "still mine");
        }
        fixture.open(10).close(); // released with the first
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws Exception {
        byte[] junk = "not a database, just text ".repeat(400).getBytes();
        Files.write(directory.resolve(Database.FILE), junk);

        StoreOpenException refused = assertThrows(StoreOpenException.class, () -> fixture.open(10));

        assertTrue(refused.getMessage().contains(directory.resolve(Database.FILE).toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("damaged or not a database"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Move it away"), refused.getMessage());
        assertTrue(Arrays.equals(junk, Files.readAllBytes(directory.resolve(Database.FILE))), "not touched");
        Files.delete(directory.resolve(Database.FILE));
        fixture.open(10).close(); // the lock went with the refusal: once the file is moved away, the store opens
    }

    @Test
    void aStoreWithDamagedPagesIsRefused() throws Exception {
        try (FileStore store = fixture.open(100_000)) {
            for (int i = 0; i < 3_000; i++) {
                append(store, "t" + (i % 7), "event " + i + " " + "x".repeat(100));
            }
        }
        Path file = directory.resolve(Database.FILE);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[4096 * 4];
            Arrays.fill(garbage, (byte) 0x5a);
            raw.seek(raw.length() / 2 / 4096 * 4096);
            raw.write(garbage);
        }

        StoreOpenException refused = assertThrows(StoreOpenException.class, () -> fixture.open(100_000));

        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
    }

    @Test
    void anotherProgramsDatabaseIsRefused() throws Exception {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(Database.FILE));
             Statement statement = other.createStatement()) {
            statement.execute("CREATE TABLE accounts(id INTEGER PRIMARY KEY, balance INTEGER)");
        }

        StoreOpenException refused = assertThrows(StoreOpenException.class, () -> fixture.open(10));

        assertTrue(refused.getMessage().contains("not a Beacon store"), refused.getMessage());
    }

    @Test
    void aStoreOfAnotherFormatIsRefused() throws Exception {
        fixture.open(10).close();
        try (Connection newer = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(Database.FILE));
             Statement statement = newer.createStatement()) {
            statement.execute("PRAGMA user_version=" + (Database.FORMAT + 1));
        }

        StoreOpenException refused = assertThrows(StoreOpenException.class, () -> fixture.open(10));

        assertTrue(refused.getMessage().contains("format " + (Database.FORMAT + 1)), refused.getMessage());
    }

    @Test
    void aFullStoreRefusesPublishesAndDeliversNothingOfThem() {
        try (FileStore store = fixture.open(100_000, Duration.ofHours(1), 256 * 1024)) {
            List<HubEvent> followed = new CopyOnWriteArrayList<>();
            store.follow(store.head(), followed::add);
            List<HubEvent> acknowledged = new ArrayList<>();
            StoreUnavailableException full = null;
            for (int i = 0; i < 1_000 && full == null; i++) {
                try {
                    acknowledged.add(append(store, "big", "y".repeat(2_000)));
                } catch (StoreUnavailableException e) {
                    full = e;
                }
            }

            assertTrue(full != null, "256 KiB cannot hold 1,000 events of 2 KB");
            assertTrue(full.getMessage().contains("is full"), full.getMessage());
            assertEquals(acknowledged, followed, "only what was acknowledged was delivered");
            assertEquals(acknowledged.get(acknowledged.size() - 1).id(), store.head(), "the head did not move");
            assertEquals(acknowledged.size(), store.read("big", store.floor(), Long.MAX_VALUE, 10_000).size());

            store.remove("big");
            HubEvent after = append(store, "small", "fits again");
            assertEquals(acknowledged.get(acknowledged.size() - 1).id() + 1, after.id(),
                    "no id was used up by the failed commit");
        }
    }
}
