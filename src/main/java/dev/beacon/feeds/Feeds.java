package dev.beacon.feeds;

import dev.beacon.concurrent.BeaconExecutors;
import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Hub;
import dev.beacon.hub.Publisher;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The timers behind topic-fed streams (clock, stats, ticker, alerts, relay), on Beacon's scheduler. It owns every
 * timer it starts and cancels them all when the application stops, so a feed only says what to run and how often.
 * {@link #whileSubscribed} costs nothing while nobody listens: each period, if the topic has a subscriber, a sample
 * is taken and published; otherwise nothing is computed or kept.
 */
@ApplicationScoped
public class Feeds {

    /** Topics whose built-in feed is switched off, comma-separated. */
    public static final String OFF = "beacon.feeds.off";
    private static final System.Logger LOG = System.getLogger(Feeds.class.getName());

    private final List<Future<?>> timers = new CopyOnWriteArrayList<>();

    @Inject
    BeaconExecutors executors;

    @Inject
    Hub hub;

    @Inject
    Publisher publisher;

    @Inject
    BeaconConfig config;

    /**
     * False for a topic named in {@value #OFF}: its built-in feed does not run, and only what others publish to the
     * topic reaches its subscribers (tests use it to drive a page with events of their own).
     */
    public boolean enabled(String topic) {
        return config.text(OFF).map(list -> !Set.of(list.split("\\s*,\\s*")).contains(topic)).orElse(true);
    }

    /** Publishes {@code sample} to the topic every period while it has a subscriber, unless its feed is off. */
    public void whileSubscribed(String topic, String event, Duration period, Supplier<?> sample) {
        if (!enabled(topic)) {
            return;
        }
        every(period, "feed of topic " + topic, () -> {
            if (hub.subscribers(topic) > 0) {
                publisher.publish(topic, event, sample.get());
            }
        });
    }

    /** Runs the task every period, from one period on; a failure is logged and the next run happens as planned. */
    public void every(Duration period, String what, Runnable task) {
        long millis = Math.max(1, period.toMillis());
        timers.add(executors.scheduler().scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The " + what + " failed once; it carries on", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        timers.forEach(timer -> timer.cancel(false));
        timers.clear();
    }
}
