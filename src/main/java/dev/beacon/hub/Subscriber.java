package dev.beacon.hub;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A cursor into the logs of its topics, plus its connection. There is no per-subscriber copy of events: what it
 * still has to get is everything after {@link #cursor}. At most one drain or heartbeat runs for it at a time
 * ({@link #state}), which is what keeps its writes in order.
 */
final class Subscriber implements Subscription {

    static final int IDLE = 0;
    static final int BUSY = 1;
    static final int CLOSED = 2;

    final List<Topic> topics;
    /** Which of the delivery lanes drains it, when its channel never blocks. */
    final int lane;
    final Predicate<HubEvent> filter;
    final SubscriberChannel channel;
    /** Events with ids up to here were published before it subscribed: replay, not counted in its queue. */
    final long liveFrom;
    /** The id up to which everything has been written (or skipped by the filter). Touched only while BUSY. */
    long cursor;
    /** Frames to send before any event: the opening comment. */
    final List<byte[]> preamble;
    /** The Last-Event-ID it resumed from when that id was none the hub gave out, else null. */
    final Long unknownId;
    boolean started;

    /** Live events offered to it and not yet written: its queue, bounded by the hub. */
    final AtomicInteger pending = new AtomicInteger();
    /** Set by a publish; cleared by a drain before it reads, so a publish during a drain is never missed. */
    final AtomicBoolean dirty = new AtomicBoolean();
    final AtomicInteger state = new AtomicInteger(IDLE);
    private final Hub hub;

    Subscriber(Hub hub, int lane, List<Topic> topics, Predicate<HubEvent> filter, SubscriberChannel channel,
               long liveFrom, long cursor, List<byte[]> preamble, Long unknownId) {
        this.hub = hub;
        this.lane = lane;
        this.topics = topics;
        this.filter = filter;
        this.channel = channel;
        this.liveFrom = liveFrom;
        this.cursor = cursor;
        this.preamble = preamble;
        this.unknownId = unknownId;
    }

    boolean accepts(HubEvent event) {
        return filter.test(event);
    }

    @Override
    public void close() {
        hub.release(this, Hub.Release.CLOSED);
    }

    @Override
    public boolean isClosed() {
        return state.get() == CLOSED;
    }
}
