package io.livedrop.common.test;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.util.ClassUtils;

/**
 * This test JVM's Redis namespace: every key a service writes starts with {@link #keyPrefix()}, so
 * parallel runs never see each other's keys; the keys are deleted when the JVM exits.
 */
public final class TestRedis {

    private static final String KEY_PREFIX = "ld-test:" + LocalServers.moduleName() + ":"
            + HexFormat.of().formatHex(new SecureRandom().generateSeed(4)) + ":";
    private static boolean cleanupRegistered;

    private TestRedis() {}

    public static synchronized String keyPrefix() {
        if (!cleanupRegistered && ClassUtils.isPresent("io.lettuce.core.RedisClient", null)) {
            Runtime.getRuntime()
                    .addShutdownHook(TestContexts.afterContextsClosed(
                            "delete-test-redis-keys",
                            () -> RedisKeyCleanup.deleteKeysStartingWith(host(), port(), KEY_PREFIX)));
            cleanupRegistered = true;
        }
        return KEY_PREFIX;
    }

    public static String host() {
        return LocalServers.REDIS_HOST;
    }

    public static int port() {
        return LocalServers.REDIS_PORT;
    }
}
