package dev.beacon.hub;

import jakarta.json.Json;

/**
 * The event that tells a resuming client it missed events: sent first, before whatever is still retained, when its
 * {@code Last-Event-ID} is older than the retained history ({@value #EXPIRED}) or is no id this hub gave out
 * ({@value #UNKNOWN}). It carries no {@code id:}, so the client's checkpoint stays where it was until a real event.
 */
public final class Gap {

    public static final String EVENT = "beacon-gap";
    static final String EXPIRED = "expired";
    static final String UNKNOWN = "unknown";

    private Gap() {
    }

    static byte[] frame(long lastEventId, String reason) {
        String data = Json.createObjectBuilder()
                .add("lastEventId", Long.toString(lastEventId))
                .add("reason", reason)
                .build()
                .toString();
        return SseFrames.body(EVENT, data, HubEvent.NO_RETRY);
    }
}
