package dev.beacon.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event of a subscription.
 *
 * @param id    its id, the position to resume after (Beacon's ids are decimal numbers increasing across all topics)
 * @param topic the topic it was published to (from Beacon's {@code topic:} line; on a stream without one, the
 *              subscription's topic when it has exactly one, else null)
 * @param event its name; {@code message} when the publisher gave none
 * @param data  its data, lines joined with LF; JSON when it was published as JSON
 */
public record BeaconEvent(String id, String topic, String event, String data) {

    /**
     * The data read as a JSON object (members as {@code String}, {@code Long}, {@code Double}, {@code Boolean},
     * {@code Map}, {@code List} or null), for events published as JSON objects.
     *
     * @throws IllegalArgumentException when the data is not a JSON object
     */
    public Map<String, Object> dataObject() {
        return Json.object(data);
    }

    /** The event as one line of JSON: {@code {"id":...,"topic":...,"event":...,"data":...}}, data as a string. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("topic", topic);
        json.put("event", event);
        json.put("data", data);
        return Json.write(json);
    }
}
