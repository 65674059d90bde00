package dev.beacon.store.file;

import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.StoreUnavailableException;
import dev.beacon.store.StoreOpenException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;

/** What SQLite's errors mean to the person running Beacon: the file named, and what to do about it. */
final class Failures {

    private static final String PATH = FileStoreSettings.PATH + " (" + BeaconConfig.envName(FileStoreSettings.PATH)
            + ")";

    private Failures() {
    }

    /** The store could not be opened: Beacon does not start. */
    static StoreOpenException open(Path directory, Exception e) {
        if (e instanceof StoreOpenException open) {
            return open;
        }
        Path file = directory.resolve(Database.FILE);
        return switch (code(e)) {
            case SQLITE_NOTADB, SQLITE_CORRUPT -> corrupt(file, reason(e), e);
            case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN -> new StoreOpenException("The store " + file
                    + " cannot be written (" + reason(e) + "). Give this process write access to " + directory
                    + ", or point " + PATH + " at a directory it may write.", e);
            case SQLITE_BUSY, SQLITE_LOCKED -> new StoreOpenException("The store " + file + " is locked by another"
                    + " program (" + reason(e) + "). Stop it, or point " + PATH + " at another directory.", e);
            case SQLITE_FULL -> new StoreOpenException("The disk holding " + file + " is full (" + reason(e)
                    + "). Free some space, or point " + PATH + " at another disk.", e);
            default -> new StoreOpenException("The store " + file + " could not be opened (" + reason(e) + ").", e);
        };
    }

    static StoreOpenException corrupt(Path file, String detail, Exception cause) {
        return new StoreOpenException("The store " + file + " is damaged or not a database (" + detail + ")."
                + " Move it away (with any " + Database.FILE + "-wal and " + Database.FILE + "-shm beside it) to start"
                + " with an empty store, or restore it from a backup.", cause);
    }

    /** The store cannot take or give events now: publishes are answered 503 meanwhile. */
    static StoreUnavailableException unavailable(Path directory, Exception e, String consequence) {
        if (e instanceof StoreUnavailableException unavailable) {
            return unavailable;
        }
        Path file = directory.resolve(Database.FILE);
        String what = switch (code(e)) {
            case SQLITE_FULL -> "is full (the disk, or " + FileStoreSettings.MAX_MB + ")";
            case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN -> "cannot be written";
            case SQLITE_NOTADB, SQLITE_CORRUPT -> "is damaged";
            default -> "failed";
        };
        return new StoreUnavailableException("The event store " + file + " " + what + " (" + reason(e) + "); "
                + consequence + ". Try again later.", e);
    }

    /** The primary result code: SQLite's extended codes (SQLITE_IOERR_WRITE, say) keep it in their low byte. */
    private static SQLiteErrorCode code(Exception e) {
        return e instanceof SQLiteException sqlite ? SQLiteErrorCode.getErrorCode(sqlite.getResultCode().code & 0xff)
                : SQLiteErrorCode.UNKNOWN_ERROR;
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int bracket = message.indexOf(") [SQLITE_");
        return bracket > 0 ? message.substring(0, bracket + 1) : message; // SQLite's driver says it twice
    }
}
