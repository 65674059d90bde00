package dev.beacon.client;

/**
 * A job, as {@code GET /api/jobs/{id}} reports it.
 *
 * @param id              its id
 * @param kind            its kind ({@code training})
 * @param state           {@code running}, {@code complete}, {@code failed} or {@code cancelled}
 * @param progressPercent the last progress reported, 0 to 100
 * @param created         when it started, ISO-8601
 * @param finished        when it ended, ISO-8601; null while running
 * @param message         why it failed; null otherwise
 */
public record JobStatus(String id, String kind, String state, double progressPercent, String created,
                        String finished, String message) {

    public boolean running() {
        return "running".equals(state);
    }
}
