package dev.beacon.client;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

/**
 * Beacon's jobs: start one, read its status, cancel it, follow its events ({@code progress}, then exactly one of
 * {@code complete}, {@code failed} or {@code cancelled}).
 */
public final class BeaconJobs {

    /** The end events of a job's stream. */
    public static final List<String> END_EVENTS = List.of("complete", "failed", "cancelled");

    private final Api api;
    private final ClientSettings settings;

    BeaconJobs(Api api, ClientSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    /** Starts a job, such as {@code start("training", Map.of("total_epochs", 3, "steps_per_epoch", 20))}. */
    public JobStatus start(String kind, Map<String, ?> params) {
        String body = Json.write(Map.of("kind", kind, "params", params));
        return parse(api.send(api.request(api.uri("jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 202));
    }

    public JobStatus status(String id) {
        return parse(api.send(api.request(api.uri(path(id))).GET(), 200));
    }

    /** Cancels a running job; one that has already ended is a {@link BeaconException} with status 409. */
    public JobStatus cancel(String id) {
        return parse(api.send(api.request(api.uri(path(id))).DELETE(), 200));
    }

    /**
     * The job's events from its first (or {@link EventStream#from} an id): the stream ends after the end event, and
     * the server answers a reconnect after it with 204, which ends the subscription cleanly.
     */
    public EventStream events(String id) {
        return new EventStream(api, settings, path(id) + "/events", List.of());
    }

    private static String path(String id) {
        return "jobs/" + Api.segment(id);
    }

    private static JobStatus parse(String json) {
        Map<String, Object> job = Json.object(json);
        Object progress = job.get("progress_percent");
        return new JobStatus(text(job, "id"), text(job, "kind"), text(job, "state"),
                progress instanceof Number number ? number.doubleValue() : 0, text(job, "created"),
                text(job, "finished"), text(job, "message"));
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }
}
