package dev.beacon.progress;

/**
 * How a job tells its subscribers how far it is. Progress is published at most once per whole percent (at most 101
 * {@code progress} events per job, so a job's whole history fits in the topic's retained events).
 */
public interface JobReporter {

    /**
     * Reports progress: percent from 0 to 100, and the data of the {@code progress} event (any object, sent as JSON).
     *
     * @throws java.util.concurrent.CancellationException once the job is cancelled: the work should simply end
     */
    void progress(double percent, Object data);

    boolean isCancelled();
}
