package dev.beacon.progress;

import dev.beacon.config.BeaconConfig;
import dev.beacon.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * The tutorial's model training, simulated: {@code total_epochs} x {@code steps_per_epoch} steps (default 10 x 100) of
 * {@value #STEP_MILLIS} ms each, with a loss that falls as it learns. At most {@value #MAX_STEPS} steps in all.
 */
@ApplicationScoped
public class TrainingJob implements JobKind {

    public static final String STEP_MILLIS = "beacon.jobs.step-ms";
    static final int MAX_STEPS = 1_000_000;
    private static final List<String> PARAMETERS = List.of("total_epochs", "steps_per_epoch");

    @Inject
    BeaconConfig config;

    @Override
    public String name() {
        return "training";
    }

    @Override
    public JobWork prepare(JsonObject params) {
        if (params != null) {
            params.keySet().stream().filter(name -> !PARAMETERS.contains(name)).findFirst().ifPresent(name -> {
                throw ProblemException.badRequest("Unknown parameter '" + name + "'; training takes " + PARAMETERS);
            });
        }
        int epochs = parameter(params, "total_epochs", 10, 1000);
        int steps = parameter(params, "steps_per_epoch", 100, 10_000);
        if ((long) epochs * steps > MAX_STEPS) {
            throw ProblemException.badRequest("total_epochs x steps_per_epoch must be at most " + MAX_STEPS);
        }
        long stepMillis = config.integer(STEP_MILLIS, 50, 0, 60_000);
        return reporter -> train(reporter, epochs, steps, stepMillis);
    }

    private static Object train(JobReporter reporter, int epochs, int steps, long stepMillis)
            throws InterruptedException {
        double loss = 2.5;
        long total = (long) epochs * steps;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (int step = 1; step <= steps; step++) {
                Thread.sleep(stepMillis);
                long done = (long) (epoch - 1) * steps + step;
                loss = 0.05 + 2.45 * Math.exp(-4.0 * done / total);
                double percent = Math.round(10_000.0 * done / total) / 100.0;
                reporter.progress(percent, new TrainingProgress(epoch, epochs, percent, Math.round(loss * 1e4) / 1e4));
            }
        }
        return Map.of("final_loss", Math.round(loss * 1e4) / 1e4, "epochs", epochs);
    }

    private static int parameter(JsonObject params, String name, int fallback, int max) {
        JsonValue value = params == null ? null : params.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 1
                && number.longValue() <= max) {
            return number.intValue();
        }
        throw ProblemException.badRequest(name + " must be a whole number from 1 to " + max + ", got " + value);
    }
}
