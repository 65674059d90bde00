package dev.beacon.counter;

import dev.beacon.generator.AsyncGenerator;
import dev.beacon.generator.BlockingGenerator;
import dev.beacon.generator.GeneratorEvent;
import dev.beacon.generator.Generators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The counter in both styles of the generator model: the same events, a loop or a chain of stages. */
@ApplicationScoped
public class Counter {

    static final String EVENT = "counter";

    @Inject
    Generators generators;

    /** A loop that emits and sleeps, on a Beacon thread. */
    BlockingGenerator blocking(CounterRequest request) {
        return out -> {
            for (int i = request.from(); i < request.count(); i++) {
                if (i > request.from()) {
                    Thread.sleep(request.interval());
                }
                out.emit(event(request, i));
            }
        };
    }

    /** The same, holding no thread between events: each one is a stage that completes after the interval. */
    AsyncGenerator async(CounterRequest request) {
        return new AsyncGenerator() {
            private int next = request.from();

            @Override
            public CompletionStage<Optional<GeneratorEvent>> next() {
                if (next >= request.count()) {
                    return CompletableFuture.completedFuture(Optional.empty());
                }
                int value = next++;
                CompletionStage<Void> wait = value == request.from() ? CompletableFuture.completedFuture(null)
                        : generators.delay(Duration.ofMillis(request.interval()));
                return wait.thenApply(ignored -> Optional.of(event(request, value)));
            }
        };
    }

    private static GeneratorEvent event(CounterRequest request, int value) {
        return GeneratorEvent.of(EVENT, request.tick(value)).withId(value);
    }
}
