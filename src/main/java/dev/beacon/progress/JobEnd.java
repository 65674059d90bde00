package dev.beacon.progress;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The data of a job's end event.
 *
 * @param jobId           the job
 * @param result          what the work returned ({@code complete} only)
 * @param message         why it failed ({@code failed} only)
 * @param progressPercent the last progress reported, so the end alone tells a job's final status
 */
public record JobEnd(@JsonbProperty("job_id") String jobId, Object result, String message,
                     @JsonbProperty("progress_percent") double progressPercent) {
}
