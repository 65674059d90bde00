package dev.beacon.alerts;

import dev.beacon.config.BeaconConfig;
import dev.beacon.feeds.Feeds;
import dev.beacon.hub.Publisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes made-up alerts from Gotham's districts at {@value #RATE} alerts per second, while the application runs,
 * when {@value #ENABLED} is true (the embedded runner's default; off in the WAR). Real detectors publish to the
 * same topic over HTTP.
 */
@ApplicationScoped
public class AlertSimulator {

    public static final String ENABLED = BeaconConfig.ALERTS_SIMULATOR;
    public static final String RATE = "beacon.alerts.rate";
    static final List<String> DISTRICTS = List.of("The Narrows", "Burnside", "Otisburg", "Old Gotham",
            "Diamond District", "Coventry", "East End", "Park Row", "Bristol", "Amusement Mile");

    private final AtomicLong sequence = new AtomicLong();

    @Inject
    BeaconConfig config;

    @Inject
    Feeds feeds;

    @Inject
    Publisher publisher;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!config.flag(ENABLED, false)) {
            return;
        }
        long period = Math.round(1_000_000 / config.decimal(RATE, 0.5, 0.001, 1000));
        feeds.every(Duration.ofNanos(period * 1000), "alert simulator",
                () -> publisher.publish(Alert.TOPIC, Alert.EVENT, next()));
    }

    Alert next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
        return new Alert("GC-" + sequence.incrementAndGet(), DISTRICTS.get(random.nextInt(DISTRICTS.size())),
                severity.wire(), Instant.now().toString());
    }
}
