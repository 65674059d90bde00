package dev.beacon.generator;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A stream written as a chain of stages: no thread is held while it waits for its next event. {@link #next()} is
 * called again only after the previous event was written; an empty result ends the stream cleanly, a failed stage
 * becomes an {@code error} event, then the end of the stream.
 */
@FunctionalInterface
public interface AsyncGenerator {

    CompletionStage<Optional<GeneratorEvent>> next();

    /** Clean-up: called once when the stream ends for any reason (its end, a failure, the client leaving). */
    default void close() {
        // nothing to release by default
    }
}
