package dev.beacon.hub;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * What other Java code injects to publish. Text goes out as it is; any other object is serialised to JSON once,
 * here, whatever the number of subscribers.
 *
 * <pre>{@code
 * @Inject Publisher publisher;
 * publisher.publish("alerts", "crime_alert", new Alert(...));
 * }</pre>
 */
@ApplicationScoped
public class Publisher {

    private Hub hub;
    private Jsonb jsonb;

    protected Publisher() {
        // for the CDI proxy
    }

    @Inject
    public Publisher(Hub hub) {
        this.hub = hub;
        this.jsonb = JsonbBuilder.create();
    }

    /** Publishes under the default event type {@code message}. */
    public HubEvent publish(String topic, Object data) {
        return publish(topic, null, data);
    }

    public HubEvent publish(String topic, String event, Object data) {
        return publish(topic, event, data, HubEvent.NO_RETRY);
    }

    /** @param retry the reconnection delay to tell clients, in milliseconds, or {@link HubEvent#NO_RETRY} */
    public HubEvent publish(String topic, String event, Object data, long retry) {
        return hub.publish(topic, event, toText(data), retry);
    }

    /** Strings are data as they are; everything else becomes JSON. */
    public String toText(Object data) {
        if (data == null) {
            throw new InvalidInputException("Event data is required");
        }
        return data instanceof CharSequence text ? text.toString() : jsonb.toJson(data);
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            System.getLogger(Publisher.class.getName()).log(System.Logger.Level.DEBUG, "Closing JSON-B failed", e);
        }
    }
}
