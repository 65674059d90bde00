/**
 * Jobs with progress. Any Java code runs long work as a job ({@link dev.beacon.progress.Jobs#start}) and reports
 * through a {@link dev.beacon.progress.JobReporter}; {@code POST /api/jobs} starts a registered kind (the built-in one
 * is model training). Each job's events go to its own topic, {@code job-{id}}, so a client resumes by
 * {@code Last-Event-ID} and a late one gets the whole history: {@code progress} events, then exactly one of
 * {@code complete}, {@code failed} or {@code cancelled}.
 */
package dev.beacon.progress;
