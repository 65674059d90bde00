package dev.beacon.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A stream to subscribe to: topics of the hub ({@link BeaconClient#stream}) or a job's events
 * ({@link BeaconJobs#events}). Set where to start and which filters apply, then {@link #subscribe} with a listener or
 * take a {@link #publisher()}. Each subscription is independent; a builder is not meant to be shared between
 * threads while it is being set up.
 */
public final class EventStream {

    private final Api api;
    private final ClientSettings settings;
    private final String path;
    private final List<String> topics;
    private final List<String> query = new ArrayList<>();
    private String from;

    EventStream(Api api, ClientSettings settings, String path, List<String> topics) {
        this.api = api;
        this.settings = settings;
        this.path = path;
        this.topics = List.copyOf(topics);
    }

    static EventStream topics(Api api, ClientSettings settings, List<String> topics) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("Name at least one topic");
        }
        List<String> query = new ArrayList<>();
        topics.forEach(topic -> query.add(Api.query("topic", topic)));
        String path = topics.size() == 1 ? "streams/" + Api.segment(topics.get(0)) : "streams";
        EventStream stream = new EventStream(api, settings, path, topics);
        if (topics.size() > 1) {
            stream.query.addAll(query);
        }
        return stream;
    }

    /**
     * Starts after this event id (a stored {@link BeaconSubscription#lastEventId()} or event id): every retained
     * event after it comes first, then live ones. Null or empty: from now on.
     */
    public EventStream from(String lastEventId) {
        this.from = lastEventId == null || lastEventId.isEmpty() ? null : lastEventId;
        return this;
    }

    /** A stream filter, such as {@code filter("severity", "high")} on {@code alerts}. */
    public EventStream filter(String name, String value) {
        query.add(Api.query(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return this;
    }

    /** The URI the subscription requests. */
    public URI uri() {
        return api.uri(query.isEmpty() ? path : path + "?" + String.join("&", query));
    }

    /** Subscribes now; events and everything else go to the listener until the subscription is closed. */
    public BeaconSubscription subscribe(BeaconListener listener) {
        Objects.requireNonNull(listener, "listener");
        return new LiveStream(api, uri(), onlyTopic(), from, listener, LiveStream.Pacer.NONE, settings).start();
    }

    /**
     * A publisher of the stream's events: each subscriber gets a subscription of its own, which reads only as far as
     * it has requested. Gaps are reported to {@code onGap}; a refusal that ends the subscription is
     * {@code onError} with a {@link BeaconException}, the server's 204 is {@code onComplete}.
     */
    public Flow.Publisher<BeaconEvent> publisher(Consumer<BeaconGap> onGap) {
        Objects.requireNonNull(onGap, "onGap");
        URI uri = uri();
        String start = from;
        return subscriber -> FlowBridge.start(subscriber, onGap, (listener, pacer) ->
                new LiveStream(api, uri, onlyTopic(), start, listener, pacer, settings).start());
    }

    private String onlyTopic() {
        return topics.size() == 1 ? topics.get(0) : null;
    }
}
