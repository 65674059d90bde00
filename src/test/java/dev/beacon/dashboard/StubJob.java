package dev.beacon.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One training job of {@link JobsApiStub}: a step every 10 ms, a progress event per step, then its end. */
final class StubJob {

    record Frames(List<String> frames, boolean ended) {
    }

    private final int epochs;
    private final int stepsPerEpoch;
    private final List<String> frames = new ArrayList<>();
    private int step;
    private boolean ended;
    private ScheduledFuture<?> stepping;

    StubJob(int epochs, int stepsPerEpoch) {
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    synchronized void schedule(ScheduledExecutorService scheduler) {
        stepping = scheduler.scheduleAtFixedRate(this::step, 10, 10, TimeUnit.MILLISECONDS);
    }

    private synchronized void step() {
        if (ended) {
            return;
        }
        step += 1;
        int total = epochs * stepsPerEpoch;
        int epoch = (step + stepsPerEpoch - 1) / stepsPerEpoch;
        append("progress", String.format(Locale.ROOT,
                "{\"epoch\":%d,\"total_epochs\":%d,\"progress_percent\":%.2f,\"loss\":%.4f}",
                epoch, epochs, step * 100.0 / total, 2.0 / (1 + step * 0.05)));
        if (step == total) {
            end("complete");
        }
    }

    synchronized void cancel() {
        if (!ended) {
            end("cancelled");
        }
    }

    private void end(String event) {
        append(event, "{\"epoch\":" + ((step + stepsPerEpoch - 1) / stepsPerEpoch) + ",\"total_epochs\":" + epochs + "}");
        ended = true;
        if (stepping != null) {
            stepping.cancel(false);
        }
    }

    private void append(String event, String data) {
        frames.add("id: " + (frames.size() + 1) + "\nevent: " + event + "\ndata: " + data + "\n\n");
        notifyAll();
    }

    /** The frames after the first {@code sent}, waiting for at least one unless the job has ended. */
    synchronized Frames after(int sent) throws InterruptedException {
        while (frames.size() <= sent && !ended) {
            wait(1000);
        }
        return new Frames(List.copyOf(frames.subList(sent, frames.size())), ended);
    }
}
