package io.livedrop.catalog.browse.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.livedrop.catalog.browse.domain.CachedValue;
import io.livedrop.catalog.browse.persistence.ResilientRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ValueOperations;

/**
 * An eviction that lands while a load is writing its value (after the generation check, before or
 * during the writes), or right after a reader took a value from Redis, must not leave that value
 * behind in either tier: the next read loads the changed row. Redis is
 * a map behind mocks here, so the eviction can be placed exactly inside the write.
 */
class CacheRegionEvictionRaceTests {

    static final String KEY = "test:drop:d1";

    final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    final ScheduledExecutorService delayedEvictions = Executors.newSingleThreadScheduledExecutor();
    final AtomicBoolean evictDuringNextWrite = new AtomicBoolean();
    final AtomicBoolean evictDuringNextRead = new AtomicBoolean();
    CacheRegion region;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        RedisTemplate<String, byte[]> values = mock(RedisTemplate.class);
        ValueOperations<String, byte[]> operations = mock(ValueOperations.class);
        StringRedisTemplate locks = mock(StringRedisTemplate.class);
        ValueOperations<String, String> lockOperations = mock(ValueOperations.class);
        when(values.opsForValue()).thenReturn(operations);
        when(locks.opsForValue()).thenReturn(lockOperations);
        when(lockOperations.setIfAbsent(any(), any(), any(Duration.class))).thenReturn(true);
        when(operations.get(any())).thenAnswer(call -> {
            byte[] value = stored.get(call.<String>getArgument(0));
            if (evictDuringNextRead.compareAndSet(true, false)) {
                region.evict("d1"); // the change committed just after this (old) value was read
            }
            return value;
        });
        doAnswer(call -> {
                    if (evictDuringNextWrite.compareAndSet(true, false)) {
                        region.evict("d1"); // the change committed while this (old) value was on its way
                    }
                    stored.put(call.getArgument(0), call.getArgument(1));
                    return null;
                })
                .when(operations)
                .set(eq(KEY), any(), anyLong(), eq(TimeUnit.MILLISECONDS));
        when(values.unlink(anyCollection())).thenAnswer(call -> {
            call.<java.util.Collection<String>>getArgument(0).forEach(stored::remove);
            return 1L;
        });
        var redis =
                new ResilientRedis(values, locks, CircuitBreakerRegistry.ofDefaults(), Duration.ofSeconds(1), () -> {});
        var properties = new CacheProperties(
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                100,
                Duration.ofSeconds(2),
                Duration.ofMillis(300),
                Duration.ofSeconds(1),
                Duration.ofHours(1)); // no second eviction within the test: only the first one counts
        region = new CacheRegion(
                "drop",
                "test:drop:",
                redis,
                properties,
                Clock.systemUTC(),
                delayedEvictions,
                new SimpleMeterRegistry());
    }

    @AfterEach
    void tearDown() {
        delayedEvictions.shutdownNow();
    }

    @Test
    void anEvictionDuringTheWriteOfAnOldValueTakesItOutAgain() {
        evictDuringNextWrite.set(true);
        assertThat(text(region.getValue("d1", () -> value("old")))).isEqualTo("old");

        assertThat(stored).as("Redis").doesNotContainKey(KEY);
        assertThat(text(region.getValue("d1", () -> value("new")))).isEqualTo("new");
    }

    @Test
    void anEvictionRightAfterAnOldValueWasReadFromRedisKeepsItOutOfTheLocalTier() {
        stored.put(KEY, value("old").encode());
        evictDuringNextRead.set(true);
        assertThat(text(region.getValue("d1", () -> value("unused")))).isEqualTo("old");

        assertThat(text(region.getValue("d1", () -> value("new")))).isEqualTo("new");
    }

    @Test
    void withoutAnEvictionTheValueStaysCached() {
        region.getValue("d1", () -> value("first"));

        assertThat(stored).containsKey(KEY);
        assertThat(text(region.getValue("d1", () -> value("second")))).isEqualTo("first");
    }

    private static CachedValue value(String text) {
        return CachedValue.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(CachedValue value) {
        return new String(value.json(), StandardCharsets.UTF_8);
    }
}
