package io.livedrop.catalog.browse.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ValueOperations;

/**
 * The breaker of the read cache's Redis door, without Redis: one failure skips Redis for {@code
 * retryAfter} (calls get their fallback without touching it), then a call probes it and first
 * replays the invalidations that could not be delivered.
 */
class ResilientRedisTests {

    static final Duration RETRY_AFTER = Duration.ofMillis(300);

    @SuppressWarnings("unchecked")
    final RedisTemplate<String, byte[]> values = mock(RedisTemplate.class);

    @SuppressWarnings("unchecked")
    final ValueOperations<String, byte[]> operations = mock(ValueOperations.class);

    final AtomicInteger errors = new AtomicInteger();
    ResilientRedis redis;

    @BeforeEach
    void setUp() {
        when(values.opsForValue()).thenReturn(operations);
        redis = new ResilientRedis(
                values,
                mock(StringRedisTemplate.class),
                CircuitBreakerRegistry.ofDefaults(),
                RETRY_AFTER,
                errors::incrementAndGet);
    }

    @Test
    void oneFailureSkipsRedisUntilRetryAfterThenOneCallProbesIt() {
        when(operations.get("k"))
                .thenThrow(new RedisConnectionFailureException("down"))
                .thenReturn(new byte[] {1});

        assertThat(redis.get("k")).isNull();
        assertThat(errors).hasValue(1);
        assertThat(redis.available()).isFalse();
        for (int i = 0; i < 10; i++) {
            assertThat(redis.get("k")).as("skipped: a miss at once").isNull();
        }
        verify(operations, times(1)).get("k");
        assertThat(errors).as("a skipped call is not a Redis error").hasValue(1);

        await().atMost(Duration.ofSeconds(5)).until(redis::available);
        assertThat(redis.get("k")).containsExactly(1);
        verify(operations, times(2)).get("k");
        assertThat(redis.get("k")).containsExactly(1);
    }

    @Test
    void invalidationsMissedDuringTheOutageAreReplayedBeforeTheFirstCallThatReachesRedis() {
        when(operations.get("k"))
                .thenThrow(new RedisConnectionFailureException("down"))
                .thenReturn(null);

        redis.get("k");
        redis.delete(List.of("a", "b"));
        verify(values, never()).unlink(anyCollection());

        await().atMost(Duration.ofSeconds(5)).until(redis::available);
        redis.get("k");

        var order = inOrder(values, operations);
        order.verify(values).unlink(List.of("a", "b"));
        order.verify(operations).get("k");
    }

    @Test
    void aFailedProbeSkipsRedisAgain() {
        when(operations.get("k")).thenThrow(new RedisConnectionFailureException("down"));

        redis.get("k");
        await().atMost(Duration.ofSeconds(5)).until(redis::available);
        redis.get("k");

        assertThat(redis.available()).isFalse();
        assertThat(errors).hasValue(2);
        redis.get("k");
        verify(operations, times(2)).get("k");
    }
}
