package dev.beacon.progress;

import java.util.Locale;

/** Where a job is; every state but {@link #RUNNING} is an end, and has an event of its own name. */
public enum JobState {
    RUNNING, COMPLETE, FAILED, CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static boolean isEndEvent(String eventName) {
        return COMPLETE.wire().equals(eventName) || FAILED.wire().equals(eventName)
                || CANCELLED.wire().equals(eventName);
    }
}
