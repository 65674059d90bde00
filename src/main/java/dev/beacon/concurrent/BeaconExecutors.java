package dev.beacon.concurrent;

import dev.beacon.config.BeaconConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one owner of Beacon's executors. On an app server it uses the container's default managed executors, looked up
 * by their standard JNDI names, for work and timers; deliveries run on a fixed pool of its default managed thread
 * factory's threads, which carry the application's context from their start: a managed executor captures and
 * restores the context for every task, and a delivery is a task per event (on Payara that capture was 40 % of the
 * server's CPU time per HTTP publish, docs/performance.md). Embedded, where there are none, it creates a small fixed
 * delivery pool, a work pool and a one-thread scheduler, names their threads and shuts them down when the container
 * stops.
 */
@ApplicationScoped
public class BeaconExecutors {

    static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    static final String MANAGED_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
    static final String MANAGED_THREADS = "java:comp/DefaultManagedThreadFactory";
    private static final System.Logger LOG = System.getLogger(BeaconExecutors.class.getName());

    @Inject
    BeaconConfig config;

    private ExecutorService delivery;
    private ExecutorService work;
    private ScheduledExecutorService scheduler;
    private boolean owned;

    @PostConstruct
    void start() {
        int threads = config.deliveryThreads();
        try {
            InitialContext context = new InitialContext();
            work = (ExecutorService) context.lookup(MANAGED_EXECUTOR);
            scheduler = (ScheduledExecutorService) context.lookup(MANAGED_SCHEDULER);
            delivery = pool(threads, (ThreadFactory) context.lookup(MANAGED_THREADS));
            LOG.log(Level.INFO, "Running on the container''s managed executors; deliveries on {0} threads of its "
                    + "managed thread factory", threads);
        } catch (NamingException | RuntimeException e) {
            owned = true;
            delivery = pool(threads, named("beacon-delivery"));
            int workers = config.workThreads();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), named("beacon-work"));
            pool.allowCoreThreadTimeOut(true);
            work = pool;
            ScheduledThreadPoolExecutor ticks = new ScheduledThreadPoolExecutor(1, named("beacon-scheduler"));
            ticks.setRemoveOnCancelPolicy(true);
            scheduler = ticks;
        }
    }

    private static ExecutorService pool(int threads, ThreadFactory factory) {
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    }

    /** Where subscriber writes run. */
    public Executor delivery() {
        return delivery;
    }

    /**
     * Where blocking work runs: blocking generators, jobs, upstream polls. Separate from {@link #delivery()}, so a
     * generator that sleeps never holds up the writes to subscribers.
     */
    public ExecutorService work() {
        return work;
    }

    /**
     * Runs a task that lasts as long as Beacon does (a store's follower of a shared log) on {@link #work()}. On an app
     * server it is marked long-running, so the container does not report it as a hung task.
     */
    public void runLong(Runnable task) {
        work.execute(owned ? task
                : ManagedExecutors.managedTask(task, Map.of(ManagedTask.LONGRUNNING_HINT, "true"), null));
    }

    /** Heartbeats, expiry and generators' timers. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @PreDestroy
    void stop() {
        if (owned) { // else the container owns them
            scheduler.shutdownNow();
            work.shutdownNow();
        }
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(2, TimeUnit.SECONDS)) {
                delivery.shutdownNow();
            }
        } catch (InterruptedException e) {
            delivery.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory base = java.util.concurrent.Executors.defaultThreadFactory();
        return task -> {
            Thread thread = base.newThread(task);
            thread.setName(prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
