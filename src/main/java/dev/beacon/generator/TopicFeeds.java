package dev.beacon.generator;

import dev.beacon.concurrent.BeaconExecutors;
import dev.beacon.config.BeaconConfig;
import dev.beacon.hub.Hub;
import dev.beacon.hub.Publisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Timers for topic-fed streams, on Beacon's scheduler. {@link #whileSubscribed} costs nothing while nobody listens:
 * each period, if the topic has a subscriber, a sample is taken and published; otherwise nothing is computed or kept.
 */
@ApplicationScoped
public class TopicFeeds {

    /** Topics whose built-in feed is switched off, comma-separated. */
    public static final String OFF = "beacon.feeds.off";
    private static final System.Logger LOG = System.getLogger(TopicFeeds.class.getName());

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

    /** Starts the feed; cancel the answer to stop it. */
    public Future<?> whileSubscribed(String topic, String event, Duration period, Supplier<?> sample) {
        if (!enabled(topic)) {
            return CompletableFuture.completedFuture(null);
        }
        return every(period, "feed of topic " + topic, () -> {
            if (hub.subscribers(topic) > 0) {
                publisher.publish(topic, event, sample.get());
            }
        });
    }

    /** Runs the task every period, from one period on; a failure is logged and the next run happens as planned. */
    public Future<?> every(Duration period, String what, Runnable task) {
        long millis = Math.max(1, period.toMillis());
        return executors.scheduler().scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The " + what + " failed once; it carries on", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }
}
