package dev.beacon.progress;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The data of a job's first event, {@code started}, on its topic: what a job's status needs that its progress and end
 * events do not say, so the status can be rebuilt from the topic after a restart. The job's own stream
 * ({@code /api/jobs/{id}/events}) leaves it out; it starts with the first {@code progress} event.
 *
 * @param jobId   the job
 * @param kind    its kind
 * @param created when it started, ISO-8601
 */
public record JobStarted(@JsonbProperty("job_id") String jobId, String kind, String created) {

    public static final String EVENT = "started";
}
