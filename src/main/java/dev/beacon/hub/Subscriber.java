package dev.beacon.hub;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A cursor into the logs of its topics, plus its connection. There is no per-subscriber copy of events: what it
 * still has to get is everything after {@link #cursor}. At most one drain or heartbeat runs for it at a time (it is
 * then busy), which is what keeps its writes in order; it owns those state changes, and it ends closed, once.
 */
final class Subscriber implements Subscription {

    private static final System.Logger LOG = System.getLogger(Subscriber.class.getName());

    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;

    final List<Topic> topics;
    /** Which of the delivery lanes drains it, when its channel never blocks. */
    final int lane;
    final Predicate<HubEvent> filter;
    final SubscriberChannel channel;
    /** Events with ids up to here were published before it subscribed: replay, not counted in its queue. */
    final long liveFrom;
    /** The id up to which everything has been written (or skipped by the filter). Touched only while busy. */
    long cursor;
    /** Frames to send before any event: the opening comment and its position. */
    final List<byte[]> preamble;
    /** The Last-Event-ID it resumed from when that id was none the hub gave out, else null. */
    final Long unknownId;
    boolean started;

    /** Live events offered to it and not yet written: its queue, bounded by the hub. */
    private final AtomicInteger pending = new AtomicInteger();
    /** Set by a publish; cleared by a drain before it reads, so a publish during a drain is never missed. */
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final Subscribers set;

    Subscriber(Subscribers set, int lane, List<Topic> topics, Predicate<HubEvent> filter, SubscriberChannel channel,
               long liveFrom, long cursor, List<byte[]> preamble, Long unknownId) {
        this.set = set;
        this.lane = lane;
        this.topics = topics;
        this.filter = filter;
        this.channel = channel;
        this.liveFrom = liveFrom;
        this.cursor = cursor;
        this.preamble = preamble;
        this.unknownId = unknownId;
    }

    /**
     * Whether its filter lets the event through. A filter that fails on an event (data it cannot read) passes it over:
     * it runs on publishers' and delivery threads, where a failure would fail the publish or stall this subscriber.
     */
    boolean accepts(HubEvent event) {
        try {
            return filter.test(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "A subscriber's filter failed on event {0}; passed over: {1}",
                    event.idText(), String.valueOf(e));
            return false;
        }
    }

    /** Idle to busy: true when the caller may now write to it (nobody else is). */
    boolean claim() {
        return state.compareAndSet(IDLE, BUSY);
    }

    /** Busy to idle: true unless it was closed meanwhile. */
    boolean unclaim() {
        return state.compareAndSet(BUSY, IDLE);
    }

    /** True for the one call that closed it. */
    boolean markClosed() {
        return state.getAndSet(CLOSED) != CLOSED;
    }

    void markDirty() {
        dirty.set(true);
    }

    /** Clears the flag and answers whether it was set. */
    boolean takeDirty() {
        return dirty.getAndSet(false);
    }

    boolean isDirty() {
        return dirty.get();
    }

    /** One more live event in its queue; false when that overflows the limit. */
    boolean enqueue(int limit) {
        return pending.incrementAndGet() <= limit;
    }

    /** Live events that left in a write come off its queue. */
    void dequeue(int written) {
        pending.addAndGet(-written);
    }

    @Override
    public void close() {
        set.release(this, Subscribers.Release.CLOSED);
    }

    @Override
    public boolean isClosed() {
        return state.get() == CLOSED;
    }
}
