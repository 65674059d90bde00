package dev.beacon.progress;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * {@code GET /api/jobs/{id}}.
 *
 * @param id              the job id
 * @param kind            its kind
 * @param state           {@code running}, {@code complete}, {@code failed} or {@code cancelled}
 * @param progressPercent the last progress reported
 * @param created         when it started, ISO-8601
 * @param finished        when it ended, ISO-8601, or null while running
 * @param message         why it failed, or null
 * @param events          where its events stream
 */
public record JobStatus(String id, String kind, String state,
                        @JsonbProperty("progress_percent") double progressPercent, String created, String finished,
                        String message, String events) {
}
