package dev.beacon.store.redis;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.SseFrames;
import redis.clients.jedis.resps.StreamEntry;

import java.util.Map;

/**
 * A stream entry and the event it holds. An entry keeps the event's parts (fields {@code t} timestamp, {@code d}
 * data, {@code n} name, {@code r} retry; in the stream of all events also {@code k} topic and {@code s} sequence),
 * not its frame: the frame is derived from them, once per node that reads the entry.
 */
final class Entries {

    static final String TOPIC = "k";
    static final String SEQUENCE = "s";

    private Entries() {
    }

    /** An entry of a topic's stream. */
    static HubEvent event(String topic, StreamEntry entry) {
        Map<String, String> fields = entry.getFields();
        long id = entry.getID().getTime();
        String name = fields.get("n");
        String data = fields.get("d");
        String retryText = fields.get("r");
        long retry = retryText == null ? HubEvent.NO_RETRY : Long.parseLong(retryText);
        long timestamp = Long.parseLong(fields.get("t"));
        return new HubEvent(id, topic, name, data, retry, timestamp,
                SseFrames.event(id, topic, SseFrames.body(name, data, retry)));
    }

    /** An entry of the stream of all events, which names its topic. */
    static HubEvent event(StreamEntry entry) {
        return event(entry.getFields().get(TOPIC), entry);
    }

    static long sequence(StreamEntry entry) {
        return Long.parseLong(entry.getFields().get(SEQUENCE));
    }
}
