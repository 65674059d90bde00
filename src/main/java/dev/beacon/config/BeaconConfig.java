package dev.beacon.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Beacon's settings. Each key is read as a system property ({@code beacon.publish.token}) and, failing that, as an
 * environment variable ({@code BEACON_PUBLISH_TOKEN}: upper case, dots and dashes become underscores).
 * An unparsable value fails fast at start-up with the key named, rather than running with a surprise.
 */
public final class BeaconConfig {

    public static final String HOST = "beacon.host";
    public static final String PORT = "beacon.port";
    public static final String PUBLISH_TOKEN = "beacon.publish.token";
    public static final String PUBLISH_MAX_BYTES = "beacon.publish.max-bytes";
    /** Seconds a request body may take to arrive, from its first byte to its last. */
    public static final String BODY_TIMEOUT = "beacon.body.timeout";
    public static final String HEARTBEAT = "beacon.heartbeat";
    public static final String HISTORY_SIZE = "beacon.history.size";
    public static final String HISTORY_AGE = "beacon.history.age";
    public static final String SUBSCRIBER_QUEUE = "beacon.subscriber.queue";
    public static final String DELIVERY_THREADS = "beacon.delivery.threads";
    public static final String DELIVERY_COALESCE = "beacon.delivery.coalesce";
    public static final String TOPICS_MAX = "beacon.topics.max";
    public static final String WRITE_TIMEOUT = "beacon.write-timeout";
    public static final String WORK_THREADS = "beacon.work.threads";
    public static final String STORE = "beacon.store";
    /** How hub streams are written: {@code direct} (the runtime's own non-blocking output) or {@code portable}. */
    public static final String TRANSPORT = "beacon.transport";
    /** The demo's alert simulator; here because the embedded runner switches it on by default. */
    public static final String ALERTS_SIMULATOR = "beacon.alerts.simulator";
    public static final String STORE_MEMORY = "memory";
    public static final String STORE_FILE = "file";
    /** Redis Streams, shared by every node that points at the same Redis ({@code beacon.redis.*}). */
    public static final String STORE_REDIS = "redis";

    private final Function<String, String> source;
    /** Values are read once: settings are fixed for the life of the process, and some are read per event. */
    private final Map<String, Optional<String>> values = new ConcurrentHashMap<>();

    private BeaconConfig(Function<String, String> source) {
        this.source = source;
    }

    /** Settings from system properties and the environment of this process. */
    public static BeaconConfig fromEnvironment() {
        return new BeaconConfig(key -> {
            String value = System.getProperty(key);
            return value != null ? value : System.getenv(envName(key));
        });
    }

    /** The given settings first, then system properties and the environment: how tests and the runner override. */
    public static BeaconConfig withOverrides(Map<String, String> overrides) {
        BeaconConfig environment = fromEnvironment();
        return new BeaconConfig(key -> overrides.containsKey(key) ? overrides.get(key) : environment.raw(key));
    }

    /** System properties and the environment first, then the given defaults: how the embedded runner differs. */
    public static BeaconConfig withDefaults(Map<String, String> defaults) {
        BeaconConfig environment = fromEnvironment();
        return new BeaconConfig(key -> {
            String value = environment.raw(key);
            return value != null ? value : defaults.get(key);
        });
    }

    /** {@code beacon.publish.max-bytes} becomes {@code BEACON_PUBLISH_MAX_BYTES}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String host() {
        return text(HOST).orElse("127.0.0.1");
    }

    public int port() {
        return integer(PORT, 8080, 0, 65535);
    }

    /** Empty when HTTP publishing is switched off (the default). */
    public Optional<String> publishToken() {
        return text(PUBLISH_TOKEN);
    }

    public int publishMaxBytes() {
        return integer(PUBLISH_MAX_BYTES, 64 * 1024, 1, 16 * 1024 * 1024);
    }

    public Duration bodyTimeout() {
        return Duration.ofMillis(Math.round(decimal(BODY_TIMEOUT, 10, 0.05, 3600) * 1000));
    }

    public Duration heartbeat() {
        return Duration.ofMillis(Math.round(decimal(HEARTBEAT, 15, 0.05, 3600) * 1000));
    }

    public int historySize() {
        return integer(HISTORY_SIZE, 1000, 1, 10_000_000);
    }

    public Duration historyAge() {
        return Duration.ofSeconds(integer(HISTORY_AGE, 3600, 1, Integer.MAX_VALUE));
    }

    public int subscriberQueue() {
        return integer(SUBSCRIBER_QUEUE, 256, 1, 10_000_000);
    }

    public int deliveryThreads() {
        return integer(DELIVERY_THREADS, 8, 1, 1024);
    }

    /** Most events one write may carry to a subscriber that is behind; 1 writes each event on its own. */
    public int deliveryCoalesce() {
        return integer(DELIVERY_COALESCE, 256, 1, 4096);
    }

    public int topicsMax() {
        return integer(TOPICS_MAX, 10_000, 1, Integer.MAX_VALUE);
    }

    public Duration writeTimeout() {
        return Duration.ofSeconds(integer(WRITE_TIMEOUT, 10, 1, 3600));
    }

    public int workThreads() {
        return integer(WORK_THREADS, 32, 1, 4096);
    }

    /** Which store keeps the history ({@value #STORE_MEMORY} unless configured). */
    public String store() {
        return text(STORE).map(v -> v.toLowerCase(Locale.ROOT)).orElse(STORE_MEMORY);
    }

    /**
     * {@code direct} (the default): hub streams are written past JAX-RS, on the embedded runner by Grizzly's write
     * queue, in the WAR by Servlet non-blocking output; {@code portable}: through JAX-RS {@code SseEventSink}.
     */
    public boolean directTransport() {
        String transport = text(TRANSPORT).orElse("direct");
        if (!transport.equals("direct") && !transport.equals("portable")) {
            throw new IllegalArgumentException("Setting " + TRANSPORT + " is '" + transport
                    + "'; expected direct or portable");
        }
        return transport.equals("direct");
    }

    /** Any other key, for features that keep their own settings. */
    public Optional<String> text(String key) {
        String value = raw(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public boolean flag(String key, boolean fallback) {
        return text(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(key, v, "true or false");
        }).orElse(fallback);
    }

    public int integer(String key, int fallback, int min, int max) {
        return text(key).map(v -> {
            try {
                int parsed = Integer.parseInt(v);
                if (parsed < min || parsed > max) {
                    throw invalid(key, v, "a whole number from " + min + " to " + max);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw invalid(key, v, "a whole number from " + min + " to " + max);
            }
        }).orElse(fallback);
    }

    public double decimal(String key, double fallback, double min, double max) {
        return text(key).map(v -> {
            try {
                double parsed = Double.parseDouble(v);
                if (!(parsed >= min && parsed <= max)) {
                    throw invalid(key, v, "a number from " + min + " to " + max);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw invalid(key, v, "a number from " + min + " to " + max);
            }
        }).orElse(fallback);
    }

    private String raw(String key) {
        return values.computeIfAbsent(key, k -> Optional.ofNullable(source.apply(k))).orElse(null);
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(
                "Setting " + key + " (" + envName(key) + ") is '" + value + "'; expected " + expected);
    }
}
