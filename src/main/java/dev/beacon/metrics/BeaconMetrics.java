package dev.beacon.metrics;

import dev.beacon.hub.Hub;
import dev.beacon.hub.TopicStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The meters, read from the hub when scraped, so counting costs the publish path nothing beyond the hub's own
 * counters. Per-topic series exist for at most {@value #TOPIC_SERIES} topics (the busiest by subscribers), so a hub of
 * thousands of topics cannot blow up a Prometheus server.
 */
@ApplicationScoped
public class BeaconMetrics {

    static final int TOPIC_SERIES = 50;

    @Inject
    Hub hub;

    private PrometheusMeterRegistry registry;
    private MultiGauge topicSubscribers;
    private Timer latency;

    /** Created with the application, so delivery latency is recorded from the first event on. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the event is enough: the container creates this bean to deliver it.
    }

    @PostConstruct
    void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder("beacon.subscribers", hub, Hub::subscriberCount)
                .description("Subscribers connected now").register(registry);
        sum("beacon.events.published", "Events published", TopicStats::published);
        sum("beacon.events.delivered", "Event deliveries written to subscribers", TopicStats::delivered);
        sum("beacon.subscribers.dropped.slow", "Subscribers closed because their queue overflowed",
                TopicStats::droppedSlow);
        counter("beacon.resumes", "Subscriptions that resumed with a Last-Event-ID", Hub::resumes);
        counter("beacon.gap.events", "beacon-gap events sent (a resume missed events)", Hub::gapsSent);
        counter("beacon.heartbeat.failures", "Heartbeat writes that failed (a client had gone)",
                Hub::heartbeatFailures);
        Gauge.builder("beacon.history.events", hub, h -> total(h.stats(), TopicStats::retained))
                .description("Events retained for resuming, all topics").register(registry);
        topicSubscribers = MultiGauge.builder("beacon.topic.subscribers")
                .description("Subscribers now, per topic (the " + TOPIC_SERIES + " busiest)").register(registry);
        latency = Timer.builder("beacon.delivery.latency")
                .description("From publish to the write that carried the event (oldest event of each write)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        hub.observe((events, oldestPublishedMillis) -> latency.record(
                Math.max(0, System.currentTimeMillis() - oldestPublishedMillis), TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        hub.observe(null);
        registry.close();
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        List<TopicStats> busiest = hub.stats().stream()
                .sorted((a, b) -> Integer.compare(b.subscribers(), a.subscribers()))
                .limit(TOPIC_SERIES)
                .toList();
        topicSubscribers.register(busiest.stream()
                .map(t -> MultiGauge.Row.of(Tags.of("topic", t.topic()), t.subscribers()))
                .toList(), true);
        return registry.scrape();
    }

    private void sum(String name, String description, ToDoubleFunction<TopicStats> field) {
        FunctionCounter.builder(name, hub, h -> total(h.stats(), field)).description(description).register(registry);
    }

    private void counter(String name, String description, ToDoubleFunction<Hub> value) {
        FunctionCounter.builder(name, hub, value).description(description).register(registry);
    }

    private static double total(List<TopicStats> stats, ToDoubleFunction<TopicStats> field) {
        return stats.stream().mapToDouble(field).sum();
    }
}
