package dev.beacon.relay;

import dev.beacon.concurrent.BeaconExecutors;
import dev.beacon.config.BeaconConfig;
import dev.beacon.feeds.Feeds;
import dev.beacon.hub.Names;
import dev.beacon.hub.Publisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls {@value #URL} every {@value #INTERVAL} ms, on a work thread (at most one poll at a time), and publishes each
 * JSON answer to {@value #TOPIC} as event {@value #EVENT}; a failure becomes an {@code error} event and the next poll
 * happens as planned. Off while {@value #URL} is unset.
 */
@ApplicationScoped
public class UpstreamRelay {

    public static final String URL = "beacon.relay.url";
    public static final String TOPIC = "beacon.relay.topic";
    public static final String INTERVAL = "beacon.relay.interval";
    public static final String EVENT = "beacon.relay.event";
    /** Polls never overlap: a slow upstream makes the relay skip ticks, never pile them up. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(UpstreamRelay.class.getName());

    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    @Inject
    BeaconConfig config;

    @Inject
    BeaconExecutors executors;

    @Inject
    Feeds feeds;

    @Inject
    Publisher publisher;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        url().ifPresent(url -> {
            String topic = Names.topic(topic());
            String event = Names.event(config.text(EVENT).orElse("update"));
            Duration interval = interval();
            feeds.every(interval, "upstream relay", () -> {
                if (polling.compareAndSet(false, true)) {
                    executors.work().execute(() -> poll(url, topic, event));
                }
            });
        });
    }

    public RelayStatus status() {
        return new RelayStatus(url().map(ShownUrl::of).orElse(null), topic(), interval().toMillis(), polls.get(),
                failures.get());
    }

    private void poll(URI url, String topic, String event) {
        try {
            polls.incrementAndGet();
            publisher.publish(topic, event, UpstreamFetch.fetch(url, TIMEOUT));
        } catch (UpstreamFetch.UpstreamException e) {
            failures.incrementAndGet();
            publisher.publish(topic, Names.ERROR_EVENT, new RelayError(ShownUrl.in(e.getMessage(), url),
                    ShownUrl.of(url), Instant.now().toString()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Relaying " + ShownUrl.of(url) + " to " + topic + " failed: "
                    + ShownUrl.in(String.valueOf(e), url));
        } finally {
            polling.set(false);
        }
    }

    private Optional<URI> url() {
        return config.text(URL).map(text -> {
            URI uri = URI.create(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("Setting " + URL + " must be an http or https URL, got "
                        + ShownUrl.of(uri));
            }
            return uri;
        });
    }

    private String topic() {
        return config.text(TOPIC).orElse("relay");
    }

    private Duration interval() {
        return Duration.ofMillis(config.integer(INTERVAL, 5000, 100, 86_400_000));
    }

}
