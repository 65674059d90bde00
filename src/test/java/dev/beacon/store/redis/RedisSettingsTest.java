package dev.beacon.store.redis;

import dev.beacon.config.BeaconConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code beacon.redis.url} and {@code beacon.redis.timeout}: what is accepted, and what stops the start. */
class RedisSettingsTest {

    private static RedisSettings settings(String url) {
        return RedisSettings.from(BeaconConfig.withOverrides(Map.of(RedisStore.URL, url)));
    }

    @Test
    void readsHostPortDatabaseAndCredentials() {
        RedisSettings settings = settings("redis://beacon:s3cret@redis.internal:6380/2");

        assertEquals("redis.internal", settings.address().getHost());
        assertEquals(6380, settings.address().getPort());
        assertEquals(2, settings.client(0).getDatabase());
        assertEquals("beacon", settings.client(0).getUser());
        assertEquals("s3cret", settings.client(0).getPassword());
        assertFalse(settings.client(0).isSsl());
        assertTrue(settings("rediss://redis.internal:6380").client(0).isSsl(), "rediss is TLS");
        assertEquals(Duration.ofSeconds(2), settings.timeout(), "the default timeout");
    }

    @Test
    void neverShowsThePassword() {
        RedisSettings settings = settings("redis://beacon:s3cret@redis.internal:6380");

        assertEquals("redis://beacon:***@redis.internal:6380", settings.display());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> settings("http://beacon:s3cret@redis.internal:6380"));
        assertFalse(bad.getMessage().contains("s3cret"), bad.getMessage());
    }

    @Test
    void aUrlThatIsNoRedisUrlStopsTheStartWithTheKeyNamed() {
        for (String url : new String[] {"localhost:6379", "http://localhost:6379", "redis://localhost",
            "redis://localhost:6379/db"}) {
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> settings(url), url);
            assertTrue(bad.getMessage().contains(RedisStore.URL) && bad.getMessage().contains("BEACON_REDIS_URL"),
                    bad.getMessage());
        }
    }
}
