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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The topic hub: publish to a topic, subscribe to one or many, resume after a drop. A publisher never waits for a
 * subscriber: it appends to the history, and once the event is readable the topic's subscribers are woken; their
 * writes run on the delivery executor. The parts: {@link Topics} (the registry), {@link Subscribers} (who is here,
 * and how they leave), {@link Delivery} (cursor to connection) and {@link Heartbeat}.
 */
@ApplicationScoped
public class Hub {

    public static final int MAX_TOPICS_PER_SUBSCRIPTION = Topics.MAX_PER_SUBSCRIPTION;
    private static final System.Logger LOG = System.getLogger(Hub.class.getName());

    private final LongAdder resumes = new LongAdder();
    private final AtomicLong serials = new AtomicLong();
    private BeaconConfig config;
    private History history;
    private BeaconExecutors executors;
    private Topics topics;
    private Subscribers subscribers;
    private Delivery delivery;
    private Heartbeat heartbeat;
    private ScheduledFuture<?> ticker;

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
        topics = new Topics(config.topicsMax(), BeaconConfig.TOPICS_MAX);
        subscribers = new Subscribers(config.subscriberQueue());
        int lanes = Math.max(1, Math.min(config.deliveryThreads(), Runtime.getRuntime().availableProcessors()));
        delivery = new Delivery(subscribers, history, executors.delivery(), lanes, config.deliveryCoalesce());
        heartbeat = new Heartbeat(subscribers, delivery);
        history.onReadable(this::readable);
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
        subscribers.closeAll();
    }

    /**
     * Publishes text data; the caller has already serialised objects. Returns the event with its assigned id.
     *
     * @throws InvalidInputException     for a bad topic, event name or retry; nothing is published then
     * @throws CapacityException         when the topic is new and the hub already has its maximum of topics
     * @throws StoreUnavailableException when the store cannot take it now
     */
    public HubEvent publish(String topicName, String eventName, String data, long retry) {
        String name = Names.event(eventName);
        long checkedRetry = retry == HubEvent.NO_RETRY ? retry : Names.retry(retry);
        if (data == null) {
            throw new InvalidInputException("Event data is required (it may be empty text)");
        }
        Topic topic = topics.getOrCreate(Names.topic(topicName));
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
            delivery.offer(s, event);
        }
    }

    /**
     * Subscribes a channel to one or more topics. Without {@code lastEventId} it gets what is published from now on;
     * with one, first every retained event after it (in id order across the topics), then live events, with no gap
     * and no duplicate between the two. An id the hub cannot place gets a {@link Gap} event first. The stream opens
     * with its position (an id-only event), so a client that drops before its first event resumes from there.
     */
    public Subscription subscribe(Collection<String> topicNames, Long lastEventId, Predicate<HubEvent> filter,
                                  SubscriberChannel channel) {
        List<Topic> subscribed = topics.getOrCreate(topicNames);
        long head = history.head();
        long cursor = head;
        Long unknownId = null;
        if (lastEventId != null) {
            boolean known = history.isPosition(lastEventId);
            cursor = known ? lastEventId : history.floor();
            unknownId = known ? null : lastEventId;
            resumes.increment();
        }
        // An unknown id stays the client's position until a real event moves it: the gap it gets says why.
        long position = unknownId != null ? unknownId : cursor;
        Subscriber s = new Subscriber(subscribers, (int) (serials.getAndIncrement() & Integer.MAX_VALUE), subscribed,
                filter, channel, Math.max(head, cursor), cursor,
                List.of(SseFrames.OPENING, SseFrames.position(position)), unknownId);
        subscribers.add(s);
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
        return Topics.check(names);
    }

    /**
     * Removes a topic that has served its purpose (a finished job's, say): its subscribers' streams end, its history
     * is forgotten, and it no longer counts against {@code beacon.topics.max}.
     */
    public void removeTopic(String topicName) {
        Topic topic = topics.remove(Names.topic(topicName));
        if (topic != null) {
            new ArrayList<>(topic.subscribers).forEach(Subscriber::close);
        }
        history.remove(topicName);
    }

    /** Replaces the observer of writes (one at a time: the metrics). */
    public void observe(DeliveryObserver deliveryObserver) {
        subscribers.observe(deliveryObserver);
    }

    /** The periodic tick: a heartbeat comment to every idle subscriber (how a dead peer is found), and expiry. */
    private void tick() {
        try {
            history.expire(System.currentTimeMillis());
            heartbeat.beatAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Hub tick failed", e);
        }
    }

    public List<TopicStats> stats() {
        return topics.all().stream()
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

    /**
     * A topic's retained events after {@code after}, oldest first, at most {@code limit}; from {@link #floor()}, all
     * of them. For features that rebuild their state from their topics (jobs, after a restart).
     */
    public List<HubEvent> events(String topicName, long after, int limit) {
        return history.read(Names.topic(topicName), after, history.head(), limit);
    }

    /** The topics that retain events and whose names start with {@code prefix}, whether used since start or not. */
    public Set<String> retainedTopics(String prefix) {
        return history.topics(prefix);
    }

    /** True when other nodes share this hub's store (Redis): their events, jobs' among them, are readable here. */
    public boolean sharedStore() {
        return history.shared();
    }

    /** Ids at or below this belong to no event of the store. */
    public long floor() {
        return history.floor();
    }

    public int subscriberCount() {
        return subscribers.count();
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
        return subscribers.gapsSent();
    }

    public long heartbeatFailures() {
        return heartbeat.failures();
    }

    /** Subscriptions that came with a Last-Event-ID. */
    public long resumes() {
        return resumes.sum();
    }
}
