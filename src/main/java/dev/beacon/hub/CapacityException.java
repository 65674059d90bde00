package dev.beacon.hub;

/** A configured limit (such as the number of topics) would be exceeded; nothing was changed. */
public class CapacityException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public CapacityException(String message) {
        super(message);
    }
}
