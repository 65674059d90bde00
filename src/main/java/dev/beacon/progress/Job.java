package dev.beacon.progress;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.Publisher;
import dev.beacon.hub.StoreUnavailableException;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * One job: its state, its topic, and the guarantee that its stream ends with exactly one end event and nothing after
 * it. Every publish and every change of state happen under the job's lock.
 */
final class Job implements JobReporter {

    static final String PROGRESS = "progress";
    /** A job's topic is this and its id. */
    static final String TOPIC_PREFIX = "job-";
    private static final System.Logger LOG = System.getLogger(Job.class.getName());

    final String id;
    final String kind;
    final String topic;
    /** The hub's newest id before this job's first event: resuming from it replays the whole job. */
    final long origin;
    private final Instant created;
    private final Publisher publisher;
    private JobState state = JobState.RUNNING;
    private double percent;
    private int publishedPercent = -1;
    private Instant finished;
    private String message;
    private long endEventId;
    /** The thread running the work, while it runs: what a cancel interrupts. */
    private Thread worker;

    Job(String id, String kind, long origin, Instant created, Publisher publisher) {
        this.id = id;
        this.kind = kind;
        this.topic = TOPIC_PREFIX + id;
        this.origin = origin;
        this.created = created;
        this.publisher = publisher;
    }

    /** A job as its topic tells it after a restart, at the last progress it reported (and ended, if it had). */
    static Job restored(String id, String kind, long origin, Instant created, double percent, Publisher publisher) {
        Job job = new Job(id, kind, origin, created, publisher);
        job.percent = percent;
        job.publishedPercent = (int) Math.floor(percent);
        return job;
    }

    /** Its end, as its end event recorded it; nothing is published. */
    synchronized void ended(JobState end, Instant at, String why, long eventId) {
        state = end;
        finished = at;
        message = why;
        endEventId = eventId;
    }

    @Override
    public synchronized void progress(double reported, Object data) {
        if (state != JobState.RUNNING) {
            throw new CancellationException("Job " + id + " is " + state.wire());
        }
        percent = Math.max(0, Math.min(100, reported));
        int whole = (int) Math.floor(percent);
        if (whole > publishedPercent) {
            publishedPercent = whole;
            publisher.publish(topic, PROGRESS, data != null ? data : Map.of("progress_percent", percent));
        }
    }

    @Override
    public synchronized boolean isCancelled() {
        return state == JobState.CANCELLED;
    }

    /** Runs the work to its end; the end event is published here unless the job was cancelled meanwhile. */
    void run(JobWork work) {
        synchronized (this) {
            if (state != JobState.RUNNING) {
                return; // cancelled before a thread was free to run it
            }
            worker = Thread.currentThread();
        }
        try {
            work(work);
        } catch (StoreUnavailableException e) {
            LOG.log(Level.WARNING, "Job {0} ended, but its end event could not be stored ({1}); it stays running"
                    + " until it is cancelled or Beacon restarts", id, e.getMessage());
        } finally {
            synchronized (this) {
                worker = null;
            }
        }
    }

    private void work(JobWork work) {
        try {
            Object result = work.run(this);
            end(JobState.COMPLETE, result, null);
        } catch (CancellationException | InterruptedException e) {
            end(JobState.CANCELLED, null, null);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "Job " + id + " (" + kind + ") failed", e);
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            end(JobState.FAILED, null, reason);
        }
    }

    /** Cancels a running job (its thread is interrupted); false when it had completed or failed. */
    synchronized boolean cancel() {
        if (!end(JobState.CANCELLED, null, null)) {
            return state == JobState.CANCELLED;
        }
        if (worker != null) {
            worker.interrupt();
        }
        return true;
    }

    /** The one transition out of running: publishes the end event; false if the job had already ended. */
    synchronized boolean end(JobState end, Object result, String why) {
        if (state != JobState.RUNNING) {
            return false;
        }
        // Published first: if the store refuses it, the job is still running, and a later end (or a restart) ends it.
        HubEvent event = publisher.publish(topic, end.wire(), new JobEnd(id, result, why, percent));
        state = end;
        finished = Instant.ofEpochMilli(event.timestamp());
        message = why;
        endEventId = event.id();
        return true;
    }

    Instant created() {
        return created;
    }

    /** The id of its end event; 0 while it runs. */
    synchronized long endEventId() {
        return endEventId;
    }

    synchronized boolean isRunning() {
        return state == JobState.RUNNING;
    }

    /** True when the client already has the end event: nothing is left to send it. */
    synchronized boolean hasSentEnd(Long lastEventId) {
        return state != JobState.RUNNING && lastEventId != null && lastEventId >= endEventId;
    }

    synchronized JobStatus status(String eventsUri) {
        return new JobStatus(id, kind, state.wire(), percent, created.toString(),
                finished == null ? null : finished.toString(), message, eventsUri);
    }
}
