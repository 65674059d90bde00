package dev.beacon.auth;

/** What a request asks to do with its topics. */
public enum Right {
    /** Receive a topic's events: its stream, one retained event, its figures. */
    SUBSCRIBE,
    /** Publish to a topic. */
    PUBLISH,
    /** Start or cancel a job: publishing to its topic, except that with no token configured at all, anyone may. */
    RUN_JOBS,
    /** No topic to check: only who is asking (a listing shows what the caller may subscribe to). */
    IDENTIFY
}
