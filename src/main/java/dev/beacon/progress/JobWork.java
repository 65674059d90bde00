package dev.beacon.progress;

/**
 * The long work a job does, on a Beacon-owned thread. Report progress through the reporter; return the result (sent
 * in the {@code complete} event, null for none); throw to fail the job (the {@code failed} event carries the message).
 * When the job is cancelled the thread is interrupted and the reporter refuses further progress.
 */
@FunctionalInterface
public interface JobWork {

    Object run(JobReporter reporter) throws Exception;
}
