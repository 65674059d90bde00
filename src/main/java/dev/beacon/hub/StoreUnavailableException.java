package dev.beacon.hub;

/**
 * The store cannot take or give events now (Redis unreachable, a disk that is full or failing); nothing was
 * published. Answered with 503: the client may try again, and open streams keep their heartbeats meanwhile.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
