package dev.beacon.hub;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Everyone subscribed on this node, and how they leave. Delivery and heartbeats report here what they find (a failed
 * write, an overflowing queue, a gap sent); releasing a subscriber happens here, once, whatever the reason.
 */
final class Subscribers {

    /** Why a subscriber is let go. */
    enum Release { CLOSED, SLOW, FAILED }

    private static final System.Logger LOG = System.getLogger(Subscribers.class.getName());

    private final Set<Subscriber> all = ConcurrentHashMap.newKeySet();
    private final LongAdder gaps = new LongAdder();
    private final int queueLimit;
    /** Gives a topic back once a subscriber has left it (the topic registry's release). */
    private final Consumer<Topic> left;
    private volatile DeliveryObserver observer = DeliveryObserver.NONE;

    Subscribers(int queueLimit, Consumer<Topic> left) {
        this.queueLimit = queueLimit;
        this.left = left;
    }

    /** Joins it to this node and to each of its topics. */
    void add(Subscriber s) {
        all.add(s);
        s.topics.forEach(topic -> topic.subscribers.add(s));
    }

    /** Lets a subscriber go, once, whatever the reason; everything it held is released here. */
    void release(Subscriber s, Release why) {
        if (!s.markClosed()) {
            return;
        }
        all.remove(s);
        for (Topic topic : s.topics) {
            topic.subscribers.remove(s);
            if (why == Release.SLOW) {
                topic.droppedSlow.increment();
            }
            left.accept(topic);
        }
        if (why == Release.SLOW) {
            LOG.log(Level.INFO, "Closed a subscriber to {0} whose queue overflowed ({1} events)",
                    s.topics.get(0).name, queueLimit);
        }
        try {
            s.channel.close();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Closing a released subscriber's channel failed", e);
        }
    }

    /** A write failed: the client has gone. The first failure is the one reported. */
    void failed(Subscriber s, Throwable failure) {
        if (!s.isClosed()) {
            LOG.log(Level.DEBUG, "Subscriber released after a failed write: {0}", String.valueOf(failure));
        }
        release(s, Release.FAILED);
    }

    /** Ends every stream (a clean end: clients reconnect and resume). */
    void closeAll() {
        new ArrayList<>(all).forEach(s -> release(s, Release.CLOSED));
    }

    void forEach(Consumer<Subscriber> action) {
        all.forEach(action);
    }

    int count() {
        return all.size();
    }

    int queueLimit() {
        return queueLimit;
    }

    void countGap() {
        gaps.increment();
    }

    long gapsSent() {
        return gaps.sum();
    }

    DeliveryObserver observer() {
        return observer;
    }

    void observe(DeliveryObserver deliveryObserver) {
        this.observer = deliveryObserver == null ? DeliveryObserver.NONE : deliveryObserver;
    }
}
