package dev.beacon.cli;

import dev.beacon.client.BeaconClient;
import dev.beacon.client.BeaconEvent;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Follows a job's events to its end event, showing progress in a {@link ProgressView}; the exit status is the job's
 * outcome: {@code complete} 0, {@code failed} 1, {@code cancelled} 2.
 */
final class JobFollower extends Watch {

    private final ProgressView view;

    private JobFollower(ProgressView view, PrintWriter err, String url) {
        super(err, url);
        this.view = view;
    }

    static int follow(BeaconClient beacon, String id, PrintWriter out, PrintWriter err, String url)
            throws InterruptedException {
        try (ProgressView view = ProgressView.forOutput(id, out)) {
            JobFollower follower = new JobFollower(view, err, url);
            return follower.await(beacon.jobs().events(id).subscribe(follower));
        }
    }

    @Override
    public void onEvent(BeaconEvent event) {
        Map<String, Object> data = data(event);
        switch (event.event()) {
            case "progress" -> view.progress(percent(data), summary(data));
            case "complete" -> end(ExitCodes.OK, "complete" + (data.get("result") == null ? ""
                    : ": " + words(data.get("result"))));
            case "failed" -> end(ExitCodes.JOB_FAILED, "failed" + (data.get("message") == null ? ""
                    : ": " + data.get("message")));
            case "cancelled" -> end(ExitCodes.JOB_CANCELLED, "cancelled");
            default -> {
                // Other events of a job's topic are not progress: nothing to show.
            }
        }
    }

    private void end(int status, String outcome) {
        view.end(outcome);
        exit(status);
    }

    private static Map<String, Object> data(BeaconEvent event) {
        try {
            return event.dataObject();
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    private static double percent(Map<String, Object> data) {
        return data.get("progress_percent") instanceof Number number ? number.doubleValue() : 0;
    }

    /** A result as {@code key=value} words when it is an object, else as it is. */
    private static String words(Object result) {
        if (!(result instanceof Map<?, ?> map)) {
            return String.valueOf(result);
        }
        StringBuilder text = new StringBuilder();
        map.forEach((key, value) -> text.append(text.length() == 0 ? "" : " ").append(key).append('=').append(value));
        return text.toString();
    }

    /** A training job's epoch and loss; for other jobs, their progress data minus the percentage. */
    private static String summary(Map<String, Object> data) {
        if (data.get("epoch") instanceof Number epoch && data.get("total_epochs") instanceof Number total) {
            String loss = data.get("loss") instanceof Number value ? String.format(" loss %.4f", value.doubleValue())
                    : "";
            return "epoch " + epoch + "/" + total + loss;
        }
        Map<String, Object> rest = new java.util.LinkedHashMap<>(data);
        rest.remove("progress_percent");
        return words(rest);
    }
}
