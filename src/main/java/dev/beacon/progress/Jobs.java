package dev.beacon.progress;

import dev.beacon.concurrent.BeaconExecutors;
import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.CapacityException;
import dev.beacon.hub.Hub;
import dev.beacon.hub.Names;
import dev.beacon.hub.Publisher;
import dev.beacon.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts jobs and keeps them: at most {@value #MAX_RUNNING} running at once (a 429 beyond), and the last
 * {@value #RETAINED} finished ones for status and replay. Inject it to run work of one's own as a job:
 *
 * <pre>{@code
 * String id = jobs.start("import", reporter -> { ... reporter.progress(42, row); ... return summary; });
 * }</pre>
 */
@ApplicationScoped
public class Jobs {

    public static final String MAX_RUNNING = "beacon.jobs.max-running";
    public static final String RETAINED = "beacon.jobs.retained";

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Deque<String> finished = new ArrayDeque<>();
    private final AtomicInteger running = new AtomicInteger();

    @Inject
    BeaconConfig config;

    @Inject
    BeaconExecutors executors;

    @Inject
    Publisher publisher;

    @Inject
    Hub hub;

    @Inject
    Instance<JobKind> kinds;

    /** Starts a job of a registered kind, as {@code POST /api/jobs} does; answers its id. */
    public String submit(String kindName, JsonObject params) {
        JobKind kind = kinds.stream().filter(k -> k.name().equals(kindName)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("Unknown job kind '" + kindName + "': use one of "
                        + kinds.stream().map(JobKind::name).sorted().toList()));
        return start(kind.name(), kind.prepare(params));
    }

    /**
     * Runs the work as a job on a Beacon-owned thread; answers its id.
     *
     * @throws CapacityException when the maximum of running jobs is reached
     */
    public String start(String kind, JobWork work) {
        int max = config.integer(MAX_RUNNING, 4, 1, 10_000);
        if (running.incrementAndGet() > max) {
            running.decrementAndGet();
            throw new CapacityException("Already " + max + " jobs running (" + MAX_RUNNING + "); try again later");
        }
        Job job = new Job(UUID.randomUUID().toString(), kind, hub.head(), Instant.now(), publisher);
        try {
            // The job's first event says what it is, so its status can be rebuilt from its topic after a restart.
            publisher.publish(job.topic, JobStarted.EVENT, new JobStarted(job.id, kind, job.created().toString()));
            jobs.put(job.id, job);
            executors.work().execute(() -> {
                try {
                    job.run(work);
                } finally {
                    finished(job);
                }
            });
        } catch (RuntimeException e) {
            jobs.remove(job.id);
            running.decrementAndGet();
            throw e;
        }
        return job.id;
    }

    /**
     * At start: the jobs the history remembers (after a restart with a durable store) are known again. A job that was
     * running when the process stopped cannot go on (its work is gone with the process): it ends as failed, with one
     * end event, now; a second restart finds that event and does not end it again.
     */
    void recover(@Observes @Initialized(ApplicationScoped.class) Object started) {
        List<Job> found = new JobHistory(hub, publisher).recover();
        synchronized (finished) {
            for (Job job : found) {
                jobs.put(job.id, job);
                finished.addLast(job.id);
            }
        }
        forgetBeyondRetention();
    }

    /** Jobs running now. */
    public int running() {
        return running.get();
    }

    /** A job's status, whichever node runs it when nodes share the store. */
    public Optional<JobStatus> status(String id, String eventsUri) {
        return findAnywhere(id).map(job -> job.status(eventsUri));
    }

    /**
     * Cancels a job this node runs; false if it had already completed or failed. A job of another node (a shared
     * store) is cancelled there: its work runs in that process.
     */
    public boolean cancel(String id) {
        Optional<Job> local = find(id);
        if (local.isPresent()) {
            return local.get().cancel();
        }
        if (findAnywhere(id).orElseThrow(() -> unknown(id)).isRunning()) {
            throw new ProblemException(409, "Job '" + id + "' runs on another node; cancel it there");
        }
        return false;
    }

    Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /**
     * This node's job, or, with a store shared by several nodes, the job as its topic tells it (started on another
     * node): its status and events are readable everywhere. Ids are checked first: only what a job id can be is
     * looked up in the store.
     */
    Optional<Job> findAnywhere(String id) {
        Optional<Job> local = find(id);
        if (local.isPresent() || !hub.sharedStore() || !Names.isTopicName(Job.TOPIC_PREFIX + id)) {
            return local;
        }
        return new JobHistory(hub, publisher).view(id);
    }

    static ProblemException unknown(String id) {
        return new ProblemException(404, "No job '" + id + "' (finished jobs are kept for a while, then forgotten)");
    }

    private void finished(Job job) {
        running.decrementAndGet();
        synchronized (finished) {
            finished.addLast(job.id);
        }
        forgetBeyondRetention();
    }

    private void forgetBeyondRetention() {
        int retained = config.integer(RETAINED, 100, 1, 1_000_000);
        synchronized (finished) {
            while (finished.size() > retained) {
                Job forgotten = jobs.remove(finished.removeFirst());
                if (forgotten != null) {
                    hub.removeTopic(forgotten.topic);
                }
            }
        }
    }
}
