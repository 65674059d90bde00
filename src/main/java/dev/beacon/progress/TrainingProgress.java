package dev.beacon.progress;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The data of a training job's {@code progress} event.
 *
 * @param epoch           the epoch being trained, from 1
 * @param totalEpochs     how many epochs the job trains
 * @param progressPercent how far the whole job is, 0 to 100
 * @param loss            the simulated training loss after this step
 */
public record TrainingProgress(int epoch, @JsonbProperty("total_epochs") int totalEpochs,
                               @JsonbProperty("progress_percent") double progressPercent, double loss) {
}
