package dev.beacon.stream;

import dev.beacon.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ResumeContract} with the Redis store: the same answers as memory, ids and history from Redis. */
class ResumeRedisTest extends ResumeContract {

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
