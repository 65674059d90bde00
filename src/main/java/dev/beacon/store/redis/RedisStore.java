package dev.beacon.store.redis;

import dev.beacon.config.BeaconConfig;
import dev.beacon.store.DurableLog;

import java.util.concurrent.Executor;

/** Opens the Redis store's log, with the settings {@code beacon.redis.url} and {@code beacon.redis.timeout}. */
public final class RedisStore {

    public static final String URL = "beacon.redis.url";
    public static final String TIMEOUT = "beacon.redis.timeout";
    static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    private RedisStore() {
    }

    /**
     * Connects to Redis and creates Beacon's log there unless another node has. Redis must be reachable now: a node
     * does not start without its log.
     *
     * @param longRunning where the log's follower runs for as long as the store is open
     * @throws dev.beacon.hub.StoreUnavailableException when Redis cannot be reached within the timeout
     */
    public static DurableLog open(BeaconConfig config, Executor longRunning) {
        Redis redis = new Redis(RedisSettings.from(config));
        try {
            return RedisLog.open(redis, config.historySize(), config.historyAge(), longRunning);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }
}
