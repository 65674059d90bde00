package dev.beacon.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Moves events from the logs to subscribers: "send everything after my cursor". Replay and live delivery are the
 * same code, so nothing can fall between them. A subscriber that is behind gets all it is missing (up to
 * {@code beacon.delivery.coalesce} events) in one write; one that is up to date gets each event as soon as it is
 * published.
 */
final class Delivery {

    private final History history;
    private final Executor executor;
    private final Subscribers subscribers;
    private final ReadyQueue[] lanes;
    private final int maxPerWrite;

    /**
     * @param lanes how many subscribers on non-blocking channels are drained at once (one per core is plenty: their
     *              writes never wait)
     * @param maxPerWrite most events in one write
     */
    Delivery(Subscribers subscribers, History history, Executor executor, int lanes, int maxPerWrite) {
        this.subscribers = subscribers;
        this.history = history;
        this.executor = executor;
        this.maxPerWrite = maxPerWrite;
        this.lanes = new ReadyQueue[lanes];
        for (int i = 0; i < lanes; i++) {
            this.lanes[i] = new ReadyQueue(executor, this::drain);
        }
    }

    /**
     * A new event for a subscriber: counted in its queue unless it is replay, and a drain scheduled. A subscriber whose
     * queue overflows is let go (it resumes by Last-Event-ID); the publisher never waits for it.
     */
    void offer(Subscriber s, HubEvent event) {
        if (!s.accepts(event)) {
            return;
        }
        if (event.id() > s.liveFrom && !s.enqueue(subscribers.queueLimit())) {
            subscribers.release(s, Subscribers.Release.SLOW);
            return;
        }
        schedule(s);
    }

    /** Starts a drain unless one is running; a running one sees the dirty flag and goes round again. */
    void schedule(Subscriber s) {
        s.markDirty();
        if (s.claim()) {
            dispatch(s);
        }
    }

    /** Back to idle, then look once more: a publish that found us busy has left the dirty flag behind. */
    void finish(Subscriber s) {
        if (s.unclaim() && s.isDirty() && s.claim()) {
            dispatch(s);
        }
    }

    /**
     * A channel whose writes never block is drained in its lane's run of subscribers; one whose writes may block (a
     * JAX-RS sink) gets a task of its own, so a stalled client holds up one delivery thread, never a lane.
     */
    private void dispatch(Subscriber s) {
        if (s.channel.nonBlocking()) {
            lanes[s.lane % lanes.length].add(s);
        } else {
            executor.execute(() -> drain(s));
        }
    }

    private void drain(Subscriber s) {
        try {
            drainOnce(s);
        } catch (RuntimeException e) {
            subscribers.failed(s, e);
        }
    }

    private void drainOnce(Subscriber s) {
        if (s.isClosed()) {
            return;
        }
        s.takeDirty();
        // A resume from an id this node has not read up to yet (another node gave it out) waits here, never going back.
        Batch batch = read(s, Math.max(history.head(), s.cursor));
        // Checked after the read: a drop that raced with it shows here, so a hole is never passed off as complete.
        boolean lost = lostAny(s);
        List<byte[]> frames = new ArrayList<>(batch.events.size() + 2);
        if (!s.started) {
            s.started = true;
            frames.addAll(s.preamble);
            if (s.unknownId != null) {
                frames.add(Gap.frame(s.unknownId, Gap.UNKNOWN));
                subscribers.countGap();
            } else if (lost) {
                frames.add(Gap.frame(s.cursor, Gap.EXPIRED));
                subscribers.countGap();
            }
        } else if (lost) {
            // Its cursor fell off the tail of the log: it cannot be served without a hole. It resumes by Last-Event-ID.
            subscribers.release(s, Subscribers.Release.SLOW);
            return;
        }
        int[] perTopic = new int[s.topics.size()];
        int live = batch.collect(s, frames, perTopic);
        if (frames.isEmpty()) {
            s.cursor = batch.upTo;
            continueOrFinish(s, batch.full);
            return;
        }
        CompletableFuture<?> write = s.channel.write(frames).toCompletableFuture();
        if (write.isDone() && !write.isCompletedExceptionally()) {
            written(s, batch, live, perTopic); // a non-blocking channel's usual answer: no continuation to allocate
        } else {
            write.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    subscribers.failed(s, failure);
                } else {
                    written(s, batch, live, perTopic);
                }
            });
        }
    }

    private void written(Subscriber s, Batch batch, int live, int[] perTopic) {
        s.cursor = batch.upTo;
        s.dequeue(live);
        int delivered = countDelivered(s, perTopic);
        if (delivered > 0) {
            subscribers.observer().written(delivered, batch.events.get(0).timestamp());
        }
        continueOrFinish(s, batch.full);
    }

    /** One add per topic per write; answers the events written. */
    private static int countDelivered(Subscriber s, int[] perTopic) {
        int total = 0;
        for (int i = 0; i < perTopic.length; i++) {
            if (perTopic[i] > 0) {
                s.topics.get(i).delivered.add(perTopic[i]);
                total += perTopic[i];
            }
        }
        return total;
    }

    private void continueOrFinish(Subscriber s, boolean more) {
        if (more) {
            dispatch(s);
        } else {
            finish(s);
        }
    }

    private boolean lostAny(Subscriber s) {
        for (Topic topic : s.topics) {
            if (history.lostAfter(topic.name, s.cursor)) {
                return true;
            }
        }
        return false;
    }

    /** Everything after the cursor up to {@code head}, merged by id across the subscriber's topics. */
    private Batch read(Subscriber s, long head) {
        if (s.topics.size() == 1) {
            List<HubEvent> events = history.read(s.topics.get(0).name, s.cursor, head, maxPerWrite);
            return Batch.of(events, head, events.size() == maxPerWrite);
        }
        List<HubEvent> merged = new ArrayList<>();
        boolean capped = false;
        for (Topic topic : s.topics) {
            List<HubEvent> events = history.read(topic.name, s.cursor, head, maxPerWrite);
            capped |= events.size() == maxPerWrite;
            merged.addAll(events);
        }
        merged.sort((a, b) -> Long.compare(a.id(), b.id()));
        if (merged.size() > maxPerWrite) {
            merged = merged.subList(0, maxPerWrite);
            capped = true;
        }
        return Batch.of(merged, head, capped);
    }

    /** One read: the events, and the id up to which the subscriber has now seen everything. */
    private record Batch(List<HubEvent> events, long upTo, boolean full) {

        static Batch of(List<HubEvent> events, long head, boolean full) {
            // A capped read has seen everything only up to its last event; an uncapped one up to the head.
            long upTo = full ? events.get(events.size() - 1).id() : head;
            return new Batch(events, upTo, full);
        }

        /**
         * Adds the frames the filter lets through, counting them per topic (by the subscriber's topic index) so the
         * counts need no second pass; answers how many of them count against the queue.
         */
        int collect(Subscriber s, List<byte[]> frames, int[] perTopic) {
            int live = 0;
            for (int i = 0; i < events.size(); i++) { // indexed: no iterator per write on the hot path
                HubEvent event = events.get(i);
                if (s.accepts(event)) {
                    frames.add(event.frame());
                    perTopic[topicIndex(s, event.topic())]++;
                    if (event.id() > s.liveFrom) {
                        live++;
                    }
                }
            }
            return live;
        }

        private static int topicIndex(Subscriber s, String name) {
            if (s.topics.size() == 1) {
                return 0;
            }
            for (int i = 0; i < s.topics.size(); i++) {
                if (s.topics.get(i).name.equals(name)) {
                    return i;
                }
            }
            throw new IllegalStateException("Event of topic " + name + " read for a subscriber not on it");
        }
    }
}
