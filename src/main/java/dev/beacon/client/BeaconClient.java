package dev.beacon.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Beacon from Java: subscribe to topics (with resume, reconnects and gap reports), publish, read the topics' figures
 * and run jobs. Thread-safe; make one per Beacon and share it. See the package documentation for an example.
 */
public final class BeaconClient {

    private final Api api;
    private final ClientSettings settings;

    private BeaconClient(Api api, ClientSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    /** A client with the defaults, for Beacon at {@code base} ({@code http://127.0.0.1:8080}; on an app server
     * {@code http://host:8080/beacon}): the API is under {@code base/api/}. */
    public static BeaconClient create(URI base) {
        return builder(base).build();
    }

    public static Builder builder(URI base) {
        return new Builder(base);
    }

    /** A subscription to one topic or several, in one stream, in the hub's id order across them. */
    public EventStream stream(String... topics) {
        return stream(List.of(topics));
    }

    public EventStream stream(List<String> topics) {
        return EventStream.topics(api, settings, topics);
    }

    /** Publishes text data; answers the id the hub gave it. */
    public String publish(String topic, String data) {
        return publish(topic, OutgoingEvent.text(null, data));
    }

    /** Publishes one event; answers its id. A refusal is a {@link BeaconException} with the problem's detail. */
    public String publish(String topic, OutgoingEvent event) {
        URI uri = api.uri("topics/" + Api.segment(topic) + "/events"
                + (!event.json() && event.event() != null ? "?" + Api.query("event", event.event()) : ""));
        HttpRequest.Builder request = api.request(uri);
        if (event.json()) {
            String envelope = "{" + (event.event() == null ? "" : "\"event\":" + Json.quote(event.event()) + ",")
                    + "\"data\":" + event.data() + "}";
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(envelope));
        } else {
            request.header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(event.data()));
        }
        return String.valueOf(Json.object(api.send(request, 201)).get("id"));
    }

    /** Publishes events one after another, in order; answers their ids. The first refusal stops it (and is thrown). */
    public List<String> publish(String topic, List<OutgoingEvent> events) {
        List<String> ids = new ArrayList<>(events.size());
        for (OutgoingEvent event : events) {
            ids.add(publish(topic, event));
        }
        return ids;
    }

    /** Every topic of the hub with its figures. */
    public List<TopicInfo> topics() {
        Object answer = Json.parse(api.send(api.request(api.uri("topics")).GET(), 200));
        List<TopicInfo> topics = new ArrayList<>();
        for (Object item : (List<?>) answer) {
            Map<?, ?> topic = (Map<?, ?>) item;
            topics.add(new TopicInfo(String.valueOf(topic.get("topic")), number(topic, "subscribers"),
                    number(topic, "published"), number(topic, "delivered"), number(topic, "droppedSlow"),
                    number(topic, "retained")));
        }
        return topics;
    }

    /** Starting, reading, cancelling and following jobs. */
    public BeaconJobs jobs() {
        return new BeaconJobs(api, settings);
    }

    static long number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** Settings of a {@link BeaconClient}; every one has a default. */
    public static final class Builder {

        private final URI base;
        private Supplier<String> token = () -> null;
        private HttpClient http;
        private Duration initialDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(45);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder(URI base) {
            this.base = Objects.requireNonNull(base, "base");
        }

        /** A fixed bearer token (publishing needs one). */
        public Builder token(String token) {
            return token(() -> token);
        }

        /** Asked for a token on every request and every reconnect, so an expiring token can be refreshed. */
        public Builder token(Supplier<String> token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /** The delay before the first reconnect when the server sent no {@code retry:} (default 1 s). */
        public Builder initialDelay(Duration delay) {
            this.initialDelay = positive(delay, "initialDelay");
            return this;
        }

        /** The most the reconnect delay grows to (default 30 s). */
        public Builder maxDelay(Duration delay) {
            this.maxDelay = positive(delay, "maxDelay");
            return this;
        }

        /** Silence after which a stream is taken for dead and reconnected (default 45 s: three of Beacon's
         * heartbeats at its default 15 s). Keep it above the server's {@code beacon.heartbeat}. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /** How long a publish or another request may take (default 30 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** Your own HTTP client (proxy, TLS, HTTP version, executor); by default one that follows redirects. */
        public Builder httpClient(HttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        public BeaconClient build() {
            HttpClient client = http != null ? http : HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            return new BeaconClient(new Api(client, base, token, requestTimeout),
                    new ClientSettings(initialDelay, maxDelay, idleTimeout));
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
            }
            return value;
        }
    }
}
