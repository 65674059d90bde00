package dev.beacon.store.redis;

import dev.beacon.hub.HubEvent;
import dev.beacon.hub.SseFrames;
import dev.beacon.hub.StoreUnavailableException;
import dev.beacon.store.DurableLog;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The log in Redis Streams, shared by every node that points at the same Redis: a stream per topic (what a topic
 * retains, read by range), and one stream of all events that each node follows. Redis gives out the ids, in the same
 * script that appends ({@link Scripts#APPEND}), so they increase across topics and nodes alike.
 */
final class RedisLog implements DurableLog {

    private static final System.Logger LOG = System.getLogger(RedisLog.class.getName());
    /**
     * The stream of all events keeps at least this many (and trims by age as topics do): a node cut off from Redis
     * catches up from it when it is back, so this bounds how long an outage it can bridge without missing events.
     */
    static final int ALL_KEEPS = 100_000;
    private static final int EXPIRE_BATCH = 500;

    private final Redis redis;
    private final int size;
    private final long ageMicros;
    private final Executor longRunning;
    private volatile long floor;
    private volatile Tailer tailer;

    private RedisLog(Redis redis, int size, Duration age, Executor longRunning) {
        this.redis = redis;
        this.size = size;
        this.ageMicros = age.toNanos() / 1000;
        this.longRunning = longRunning;
    }

    /** Connects, creating the log in Redis if it is not there yet. */
    static RedisLog open(Redis redis, int size, Duration age, Executor longRunning) {
        RedisLog log = new RedisLog(redis, size, age, longRunning);
        log.floor = redis.call(RedisLog::create);
        return log;
    }

    /** Creates the log unless it exists; answers its floor. */
    private static long create(Jedis jedis) {
        List<?> created = (List<?>) Scripts.CREATE.run(jedis, List.of(Keys.FLOOR, Keys.ID), List.of());
        return Long.parseLong((String) created.get(0));
    }

    @Override
    public long floor() {
        return floor;
    }

    @Override
    public long head() {
        String id = redis.call(jedis -> jedis.get(Keys.ID));
        return id == null ? floor : Long.parseLong(id);
    }

    @Override
    public HubEvent append(String topic, String name, String data, long retry, byte[] body) {
        long timestamp = System.currentTimeMillis();
        List<String> keys = List.of(Keys.ID, Keys.FLOOR, Keys.SEQUENCE, Keys.topic(topic), Keys.ALL, Keys.TOPICS,
                Keys.PUBLISHED, Keys.TRIMMED);
        List<String> args = List.of(topic, Long.toString(timestamp), data, name == null ? "" : name,
                retry == HubEvent.NO_RETRY ? "" : Long.toString(retry), Integer.toString(size),
                Long.toString(ageMicros), Integer.toString(ALL_KEEPS));
        long id = Long.parseLong((String) redis.call(jedis -> Scripts.APPEND.run(jedis, keys, args)));
        return new HubEvent(id, topic, name, data, retry, timestamp, SseFrames.event(id, topic, body));
    }

    @Override
    public void follow(long after, Consumer<HubEvent> sink) {
        Tailer follower = new Tailer(redis, after, sink, this::verify);
        tailer = follower;
        longRunning.execute(follower);
    }

    @Override
    public List<HubEvent> read(String topic, long after, long upTo, int limit) {
        if (upTo <= after || limit <= 0) {
            return List.of();
        }
        List<StreamEntry> entries = redis.call(jedis -> jedis.xrange(Keys.topic(topic),
                "(" + Keys.entryId(after), Keys.entryId(upTo), limit));
        return entries.stream().map(entry -> Entries.event(topic, entry)).toList();
    }

    @Override
    public boolean lostAfter(String topic, long after) {
        String dropped = redis.call(jedis -> jedis.hget(Keys.TRIMMED, topic));
        return dropped != null && new StreamEntryID(dropped).getTime() > after;
    }

    @Override
    public Optional<HubEvent> find(String topic, long id) {
        List<StreamEntry> entries = redis.call(jedis -> jedis.xrange(Keys.topic(topic), Keys.entryId(id),
                Keys.entryId(id), 1));
        return entries.stream().findFirst().map(entry -> Entries.event(topic, entry));
    }

    @Override
    public int size(String topic) {
        return (int) (long) redis.call(jedis -> jedis.xlen(Keys.topic(topic)));
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public long published(String topic) {
        String count = redis.call(jedis -> jedis.hget(Keys.PUBLISHED, topic));
        return count == null ? 0 : Long.parseLong(count);
    }

    @Override
    public void remove(String topic) {
        redis.call(jedis -> {
            Pipeline pipeline = jedis.pipelined();
            pipeline.del(Keys.topic(topic));
            pipeline.srem(Keys.TOPICS, topic);
            pipeline.hdel(Keys.PUBLISHED, topic);
            pipeline.hdel(Keys.TRIMMED, topic);
            pipeline.sync();
            return null;
        });
    }

    /**
     * Trims every topic and the stream of all events by age, on Redis' clock (the one ids are taken from), a batch of
     * topics per script so Redis is never held long. Called by every node's tick; while Redis is away it waits for
     * the next tick, so the tick's heartbeats still go out.
     */
    @Override
    public void expire(long nowMillis) {
        try {
            List<String> topics = List.copyOf(redis.call(jedis -> jedis.smembers(Keys.TOPICS)));
            for (int from = 0; from == 0 || from < topics.size(); from += EXPIRE_BATCH) {
                List<String> batch = topics.subList(from, Math.min(topics.size(), from + EXPIRE_BATCH));
                List<String> keys = new ArrayList<>(List.of(Keys.TRIMMED, Keys.ALL));
                batch.forEach(topic -> keys.add(Keys.topic(topic)));
                List<String> args = new ArrayList<>(List.of(Long.toString(ageMicros)));
                args.addAll(batch);
                redis.call(jedis -> Scripts.EXPIRE.run(jedis, keys, args));
            }
        } catch (StoreUnavailableException e) {
            LOG.log(Level.DEBUG, "Trimming by age waits for Redis: {0}", e.getMessage());
        }
    }

    /**
     * After the follower (re)connects: the log may have been created anew (Redis lost its data), which moves the
     * floor, or may end below what this node has read (a failover to a replica that lacked the last writes).
     */
    private void verify(Jedis jedis, long lastRead) {
        long now = create(jedis);
        if (now != floor) {
            LOG.log(Level.WARNING, "Redis at {0} holds a new log (floor {1}, was {2}): its data was lost, and ids from"
                    + " before are unknown to it", redis.display(), Long.toString(now), Long.toString(floor));
            floor = now;
        }
        String head = jedis.get(Keys.ID);
        if (head != null && Long.parseLong(head) < lastRead) {
            LOG.log(Level.WARNING, "Redis at {0} gave out ids up to {1} only, but this node has read up to {2}: Redis"
                    + " lost events it had acknowledged (a failover to a replica that had not received them)",
                    redis.display(), head, Long.toString(lastRead));
        }
    }

    @Override
    public void close() {
        Tailer follower = tailer;
        if (follower != null) {
            follower.stop();
        }
        redis.close();
    }
}
