package dev.beacon.clock;

import dev.beacon.feeds.Feeds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Publishes the time to topic {@code clock} every second while it has a subscriber. */
@ApplicationScoped
public class ClockFeed {

    private final Clock clock = Clock.systemUTC();

    @Inject
    Feeds feeds;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        feeds.whileSubscribed(Time.TOPIC, Time.EVENT, Duration.ofSeconds(1), this::now);
    }

    Time now() {
        Instant now = clock.instant();
        return new Time(now.toString(), now.toEpochMilli());
    }
}
