package dev.beacon.store.file;

import dev.beacon.store.StoreOpenException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One Beacon per store directory: an exclusive lock on {@code beacon.lock} in it, held for as long as the store is
 * open. SQLite would let a second process write the same database; two hubs giving out ids from one log would not be
 * one log. The operating system releases the lock when the process dies, however it dies.
 */
final class StoreLock implements AutoCloseable {

    static final String FILE = "beacon.lock";
    private static final String WHAT_TO_DO = " Point " + FileStoreSettings.PATH + " ("
            + dev.beacon.config.BeaconConfig.envName(FileStoreSettings.PATH) + ") at a directory this process may write";

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates the directory if needed and locks it. */
    static StoreLock acquire(Path directory) {
        createDirectory(directory);
        Path file = directory.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new StoreOpenException("The store directory " + directory + " is not writable (" + file
                    + ": permission denied)." + WHAT_TO_DO + ", or give this process write access to it.", e);
        } catch (IOException e) {
            throw new StoreOpenException("The store directory " + directory + " is not writable (" + reason(e)
                    + ")." + WHAT_TO_DO + ".", e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(directory, "another process");
            }
            return new StoreLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(directory, "another Beacon in this process");
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof StoreOpenException open) {
                throw open;
            }
            throw new StoreOpenException("Could not lock the store directory " + directory + " (" + reason(e) + ")."
                    + WHAT_TO_DO + ".", e);
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreOpenException("Could not create the store directory " + directory + " (" + reason(e)
                    + ")." + WHAT_TO_DO + ".", e);
        }
    }

    private static StoreOpenException inUse(Path directory, String holder) {
        return new StoreOpenException("The store directory " + directory + " is in use by " + holder
                + ", which holds the lock on " + directory.resolve(FILE) + ". Stop that Beacon first, or point "
                + FileStoreSettings.PATH + " at another directory.");
    }

    private static String reason(Exception e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return String.valueOf(e.getMessage() != null ? e.getMessage() : e);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock was never ours; nothing to release
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
