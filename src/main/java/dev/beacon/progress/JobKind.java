package dev.beacon.progress;

import jakarta.json.JsonObject;

/** A kind of job that {@code POST /api/jobs} can start; contribute one as a CDI bean. */
public interface JobKind {

    /** The {@code kind} of the request body. */
    String name();

    /**
     * The work for these parameters, checked before anything starts.
     *
     * @throws dev.beacon.problem.ProblemException a 400 naming the parameter that is wrong
     */
    JobWork prepare(JsonObject params);
}
