package dev.beacon.store.redis;

import dev.beacon.hub.StoreUnavailableException;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Beacon's connections to Redis: a bounded pool for commands, and a connection of its own for each blocking reader.
 * Every failure to reach Redis, or an answer that says it cannot serve now, becomes a
 * {@link StoreUnavailableException} (a 503 to an HTTP client) within the configured timeout.
 */
final class Redis implements AutoCloseable {

    /**
     * Redis answers these while it cannot serve (loading after a restart, a replica, a failover under way), or when
     * it will not serve Beacon (credentials the operator must fix): unavailable, not a fault of the request.
     */
    private static final List<String> UNAVAILABLE = List.of("LOADING", "READONLY", "MASTERDOWN", "BUSY", "TRYAGAIN",
            "NOREPLICAS", "CLUSTERDOWN", "WRONGPASS", "NOAUTH", "NOPERM");
    /** Request threads publish through the pool; more at once than this wait (up to the timeout) for a connection. */
    private static final int CONNECTIONS = 32;

    private final RedisSettings settings;
    private final JedisPool pool;

    Redis(RedisSettings settings) {
        this.settings = settings;
        GenericObjectPoolConfig<Jedis> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(CONNECTIONS);
        config.setMaxIdle(CONNECTIONS);
        config.setMaxWait(settings.timeout());
        // No evictor thread: a connection that went stale (Redis restarted) fails once, and the pool is cleared then.
        config.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
        config.setJmxEnabled(false);
        this.pool = new JedisPool(config, settings.address(), settings.client(0));
    }

    /**
     * Runs one exchange on a pooled connection. A pooled connection that Redis closed (it restarted since) fails on
     * first use; then the idle ones are dropped and the exchange runs once more on a new connection. It is not tried
     * again when Redis could not be reached at all, so a publish while Redis is away fails within one timeout.
     */
    <T> T call(Function<Jedis, T> exchange) {
        try {
            return once(exchange);
        } catch (JedisConnectionException e) {
            if (couldNotConnect(e)) {
                throw translate(e);
            }
            forgetIdle();
            try {
                return once(exchange);
            } catch (JedisException again) {
                throw translate(again);
            }
        } catch (JedisException e) {
            throw translate(e);
        }
    }

    private <T> T once(Function<Jedis, T> exchange) {
        try (Jedis jedis = pool.getResource()) {
            return exchange.apply(jedis);
        }
    }

    private static boolean couldNotConnect(JedisConnectionException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A connection outside the pool, for a reader that blocks up to {@code blockingMillis} for an answer. */
    Jedis dedicated(int blockingMillis) {
        try {
            Jedis jedis = new Jedis(settings.address(), settings.client(blockingMillis));
            jedis.ping();
            return jedis;
        } catch (JedisException e) {
            throw translate(e);
        }
    }

    /** Drops the idle pooled connections: after Redis went away, they would each fail once before working again. */
    void forgetIdle() {
        pool.clear();
    }

    /**
     * Unreachable, or "not now": the store is unavailable (503) and idle connections are dropped. Anything else Redis
     * refuses is a fault of Beacon's, not of the moment, and stays an error (500).
     */
    RuntimeException translate(JedisException e) {
        if (e instanceof JedisDataException refused && !unavailable(refused)) {
            return new IllegalStateException("Redis at " + settings.display() + " refused a command: "
                    + e.getMessage(), e);
        }
        forgetIdle();
        return new StoreUnavailableException("Redis at " + settings.display() + " is not available: "
                + e.getMessage(), e);
    }

    private static boolean unavailable(JedisDataException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return UNAVAILABLE.stream().anyMatch(message::startsWith);
    }

    String display() {
        return settings.display();
    }

    @Override
    public void close() {
        pool.close();
    }
}
