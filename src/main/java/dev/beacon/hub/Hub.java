package dev.beacon.hub;

import dev.beacon.concurrent.BeaconExecutors;
import dev.beacon.config.BeaconConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The topic hub: publish to a topic, subscribe to one or many, resume after a drop. A publisher never waits for a
 * subscriber: it appends to the topic's log and wakes the topic's subscribers, whose writes run on the delivery
 * executor. A subscriber whose queue overflows is closed and counted, and resumes by {@code Last-Event-ID}.
 */
@ApplicationScoped
public class Hub {

    /** Why a subscriber is let go. */
    enum Release { CLOSED, SLOW, FAILED }

    public static final int MAX_TOPICS_PER_SUBSCRIPTION = 64;
    private static final System.Logger LOG = System.getLogger(Hub.class.getName());
    /** The first thing on every stream, so the client and every proxy see the response start at once. */
    private static final byte[] OPENING = SseFrames.comment("beacon stream open");

    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder resumes = new LongAdder();
    private final AtomicLong serials = new AtomicLong();
    private volatile DeliveryObserver observer = DeliveryObserver.NONE;
    private BeaconConfig config;
    private History history;
    private BeaconExecutors executors;
    private Delivery delivery;
    private Heartbeat heartbeat;
    private ScheduledFuture<?> ticker;
    private int queueLimit;

    protected Hub() {
        // for the CDI proxy
    }

    @Inject
    public Hub(BeaconConfig config, History history, BeaconExecutors executors) {
        this.config = config;
        this.history = history;
        this.executors = executors;
    }

    @PostConstruct
    void start() {
        queueLimit = config.subscriberQueue();
        history.onReadable(this::readable);
        int lanes = Math.max(1, Math.min(config.deliveryThreads(), Runtime.getRuntime().availableProcessors()));
        delivery = new Delivery(this, history, executors.delivery(), lanes, config.deliveryCoalesce());
        heartbeat = new Heartbeat(this, delivery);
        long period = config.heartbeat().toMillis();
        ticker = executors.scheduler().scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.cancel(false);
        }
        closeAll();
        history.close();
    }

    /** Ends every stream (a clean end: browsers reconnect and resume); used when the server shuts down. */
    public void closeAll() {
        new ArrayList<>(subscribers).forEach(s -> release(s, Release.CLOSED));
    }

    /**
     * Publishes text data; the caller has already serialised objects. Returns the event with its assigned id.
     *
     * @throws InvalidInputException for a bad topic, event name or retry; nothing is published then
     * @throws CapacityException     when the topic is new and the hub already has its maximum of topics
     */
    public HubEvent publish(String topicName, String eventName, String data, long retry) {
        String name = Names.event(eventName);
        long checkedRetry = retry == HubEvent.NO_RETRY ? retry : Names.retry(retry);
        if (data == null) {
            throw new InvalidInputException("Event data is required (it may be empty text)");
        }
        Topic topic = topic(Names.topic(topicName));
        return history.append(topic.name, name, data, checkedRetry, SseFrames.body(name, data, checkedRetry));
    }

    /** An event became readable here (published on this node or, with a shared store, on another): wake its topic. */
    private void readable(HubEvent event) {
        Topic topic = topics.get(event.topic());
        if (topic == null) {
            return; // nobody here has used the topic: nobody to wake
        }
        topic.published.increment();
        for (Subscriber s : topic.subscribers) {
            offer(s, event);
        }
    }

    private void offer(Subscriber s, HubEvent event) {
        if (!s.accepts(event)) {
            return;
        }
        if (event.id() > s.liveFrom && s.pending.incrementAndGet() > queueLimit) {
            release(s, Release.SLOW);
            return;
        }
        delivery.schedule(s);
    }

    /**
     * Subscribes a channel to one or more topics. Without {@code lastEventId} it gets what is published from now on;
     * with one, first every retained event after it (in id order across the topics), then live events, with no gap
     * and no duplicate between the two. An id the hub cannot place gets a {@link Gap} event first.
     */
    public Subscription subscribe(Collection<String> topicNames, Long lastEventId, Predicate<HubEvent> filter,
                                  SubscriberChannel channel) {
        List<Topic> subscribed = topics(topicNames);
        long head = history.head();
        long cursor = head;
        Long unknownId = null;
        if (lastEventId != null) {
            boolean known = history.isPosition(lastEventId);
            cursor = known ? lastEventId : history.floor();
            unknownId = known ? null : lastEventId;
        }
        Subscriber s = new Subscriber(this, (int) (serials.getAndIncrement() & Integer.MAX_VALUE), subscribed, filter,
                channel, Math.max(head, cursor), cursor, List.of(OPENING), unknownId);
        if (lastEventId != null) {
            resumes.increment();
        }
        subscribers.add(s);
        subscribed.forEach(topic -> topic.subscribers.add(s));
        delivery.schedule(s);
        return s;
    }

    /**
     * Checks what {@link #subscribe} would check of the topics, without subscribing: for a transport that must answer
     * a refusal before it writes anything.
     *
     * @throws InvalidInputException for no topic, a bad name or too many topics
     */
    public Set<String> checkTopics(Collection<String> names) {
        if (names.isEmpty()) {
            throw new InvalidInputException("Name at least one topic");
        }
        Set<String> unique = new TreeSet<>();
        names.forEach(name -> unique.add(Names.topic(name)));
        if (unique.size() > MAX_TOPICS_PER_SUBSCRIPTION) {
            throw new InvalidInputException("A subscription may name at most " + MAX_TOPICS_PER_SUBSCRIPTION
                    + " topics, got " + unique.size());
        }
        return unique;
    }

    private List<Topic> topics(Collection<String> names) {
        Set<String> unique = checkTopics(names);
        List<Topic> result = new ArrayList<>(unique.size());
        unique.forEach(name -> result.add(topic(name)));
        return List.copyOf(result);
    }

    private Topic topic(String name) {
        Topic topic = topics.get(name);
        if (topic != null) {
            return topic;
        }
        if (topics.size() >= config.topicsMax()) {
            throw new CapacityException("The hub already has its maximum of " + config.topicsMax()
                    + " topics (" + BeaconConfig.TOPICS_MAX + ")");
        }
        return topics.computeIfAbsent(name, Topic::new);
    }

    /**
     * Removes a topic that has served its purpose (a finished job's, say): its subscribers' streams end, its history
     * is forgotten, and it no longer counts against {@code beacon.topics.max}.
     */
    public void removeTopic(String topicName) {
        Topic topic = topics.remove(Names.topic(topicName));
        if (topic != null) {
            new ArrayList<>(topic.subscribers).forEach(s -> release(s, Release.CLOSED));
        }
        history.remove(topicName);
    }

    /** Lets a subscriber go, once, whatever the reason; everything it held is released here. */
    void release(Subscriber s, Release why) {
        if (s.state.getAndSet(Subscriber.CLOSED) == Subscriber.CLOSED) {
            return;
        }
        subscribers.remove(s);
        for (Topic topic : s.topics) {
            topic.subscribers.remove(s);
            if (why == Release.SLOW) {
                topic.droppedSlow.increment();
            }
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

    void countGap() {
        gaps.increment();
    }

    /** Replaces the observer of writes (one at a time: the metrics). */
    public void observe(DeliveryObserver deliveryObserver) {
        this.observer = deliveryObserver == null ? DeliveryObserver.NONE : deliveryObserver;
    }

    DeliveryObserver observer() {
        return observer;
    }

    /** The periodic tick: a heartbeat comment to every idle subscriber (how a dead peer is found), and expiry. */
    private void tick() {
        try {
            history.expire(System.currentTimeMillis());
            for (Subscriber s : subscribers) {
                heartbeat.beat(s);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Hub tick failed", e);
        }
    }

    public List<TopicStats> stats() {
        return topics.values().stream()
                .map(topic -> topic.stats(history))
                .sorted((a, b) -> a.topic().compareTo(b.topic()))
                .toList();
    }

    public Optional<TopicStats> stats(String topicName) {
        String name = Names.topic(topicName);
        Topic topic = topics.get(name);
        return topic == null ? Topic.elsewhere(name, history) : Optional.of(topic.stats(history));
    }

    public Optional<HubEvent> find(String topicName, long id) {
        return history.find(Names.topic(topicName), id);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Subscribers of one topic now: features that produce only while someone listens ask this on their tick. */
    public int subscribers(String topicName) {
        Topic topic = topics.get(Names.topic(topicName));
        return topic == null ? 0 : topic.subscribers.size();
    }

    /**
     * The id of the newest event of the hub. Taken before a topic's first publish, it is a {@code Last-Event-ID} that
     * replays that topic from its very first event (how a job's stream gives a late subscriber the whole history).
     */
    public long head() {
        return history.head();
    }

    public long gapsSent() {
        return gaps.sum();
    }

    public long heartbeatFailures() {
        return heartbeat.failures();
    }

    /** Subscriptions that came with a Last-Event-ID. */
    public long resumes() {
        return resumes.sum();
    }
}
