package dev.beacon.generator;

/** What a {@link BlockingGenerator} writes to. */
public interface Emitter {

    /**
     * Writes the event and waits until it is handed to the connection, so a generator never runs ahead of its client.
     *
     * @throws GeneratorStoppedException when the client has gone; the generator should simply end
     * @throws InterruptedException      when the generator is being stopped
     */
    void emit(GeneratorEvent event) throws InterruptedException;

    /** False once the client has gone or the stream has ended. */
    boolean isOpen();
}
