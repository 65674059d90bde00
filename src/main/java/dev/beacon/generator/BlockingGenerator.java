package dev.beacon.generator;

/**
 * A stream written as a loop: compute an event, emit it, sleep, compute the next. It runs on a thread Beacon owns
 * (the container's managed executor on an app server). When the client leaves, the thread is interrupted, so a
 * {@code sleep} ends at once and the generator's {@code finally} blocks run. Returning ends the stream cleanly; an
 * exception becomes an {@code error} event, then the end of the stream.
 */
@FunctionalInterface
public interface BlockingGenerator {

    void generate(Emitter out) throws Exception;
}
