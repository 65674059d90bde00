package dev.beacon.store;

/**
 * The configured store cannot be opened (locked by another process, not writable, corrupt, another program's file):
 * Beacon must not start, and must never fall back to an empty store. The message names the store and says what to
 * do; the embedded runner prints it as the one line of its failure.
 */
public class StoreOpenException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreOpenException(String message) {
        super(message);
    }
}
