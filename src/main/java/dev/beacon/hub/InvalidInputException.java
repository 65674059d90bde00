package dev.beacon.hub;

/** Input the hub refuses (a bad topic, event name, id or retry); nothing was changed. */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
