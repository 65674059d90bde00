package dev.beacon.stream;

import dev.beacon.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ReplayUnderLoadContract} with the Redis store: a resume under load through Redis loses and doubles nothing. */
class ReplayUnderLoadRedisTest extends ReplayUnderLoadContract {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Override
    String transport() {
        return "direct";
    }

    @Override
    String[] storeSettings() {
        return REDIS.storeSettings();
    }
}
