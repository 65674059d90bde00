package dev.beacon.store.redis;

import dev.beacon.config.BeaconConfig;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.util.JedisURIHelper;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Where Redis is and how long Beacon waits for it. The URL is {@code redis://[user:password@]host:port[/db]}, or
 * {@code rediss://} for TLS; a bad one stops the start with the key named, as every other setting does.
 *
 * @param uri     the URL as configured
 * @param timeout the longest Beacon waits to connect or for an answer: a publish while Redis is unreachable is a 503
 *                within about this long, never a hang
 */
record RedisSettings(URI uri, Duration timeout) {

    static RedisSettings from(BeaconConfig config) {
        String url = config.text(RedisStore.URL).orElse(RedisStore.DEFAULT_URL);
        double seconds = config.decimal(RedisStore.TIMEOUT, 2, 0.1, 60);
        return new RedisSettings(parse(url), Duration.ofMillis(Math.round(seconds * 1000)));
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
        boolean redis = JedisURIHelper.isRedisScheme(uri) || JedisURIHelper.isRedisSSLScheme(uri);
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!redis || !JedisURIHelper.isValid(uri) || !path.matches("(/\\d*)?")) {
            throw invalid(url);
        }
        return uri;
    }

    private static IllegalArgumentException invalid(String url) {
        return new IllegalArgumentException("Setting " + RedisStore.URL + " (" + BeaconConfig.envName(RedisStore.URL)
                + ") is '" + redacted(url) + "'; expected redis://[user:password@]host:port[/db] or rediss://...");
    }

    HostAndPort address() {
        return JedisURIHelper.getHostAndPort(uri);
    }

    /** Connection settings; {@code blockingMillis} is how long a blocking read may wait for an answer. */
    JedisClientConfig client(int blockingMillis) {
        int millis = (int) timeout.toMillis();
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .blockingSocketTimeoutMillis(blockingMillis + millis)
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .clientName("beacon")
                // RESP2 and no CLIENT SETINFO: the same answers from every Redis 6.2 or later.
                .resp2()
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .build();
    }

    /** The URL without its password: what log lines and problem details show. */
    String display() {
        return redacted(uri.toString());
    }

    private static String redacted(String url) {
        return url.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@");
    }
}
