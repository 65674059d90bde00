package dev.beacon.generator;

/** Thrown to a generator that emits after its client has gone: the signal to end, not an error. */
public class GeneratorStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GeneratorStoppedException(Throwable cause) {
        super("The client has gone; the generator is stopped", cause);
    }
}
