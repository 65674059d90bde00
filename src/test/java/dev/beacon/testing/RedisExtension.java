package dev.beacon.testing;

import dev.beacon.config.BeaconConfig;
import dev.beacon.store.redis.RedisStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link RedisServer} for one test class: started before the class's own {@code @BeforeAll} methods (so a server
 * they start can use it), stopped after its {@code @AfterAll} methods. Register it as a static field.
 */
public final class RedisExtension implements BeforeAllCallback, AfterAllCallback {

    private RedisServer redis;

    @Override
    public void beforeAll(ExtensionContext context) {
        redis = RedisServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (redis != null) {
            redis.close();
        }
    }

    public RedisServer server() {
        return redis;
    }

    /** The settings that put an embedded server on this Redis, as key, value pairs for {@link TestServer#start}. */
    public String[] storeSettings() {
        return new String[] {BeaconConfig.STORE, BeaconConfig.STORE_REDIS, RedisStore.URL, redis.url(),
            RedisStore.TIMEOUT, "1"};
    }
}
