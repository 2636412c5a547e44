package io.livedrop.catalog.browse.persistence;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The cache's only door to Redis. Redis is an optimisation: every failure is swallowed and reported
 * as a miss, and after one failure Redis is skipped for a short while so that reads do not pay a
 * timeout each. Invalidations that could not be delivered are remembered and replayed once Redis
 * answers again, so a value cached before an outage does not outlive a change made during it.
 *
 * <p>The skipping is a Resilience4j {@link CircuitBreaker} ({@link #breakerConfig}): one failed call
 * opens it; while open every call gets its fallback at once; after {@code retryAfter} one call probes
 * Redis (others keep getting the fallback until it answers), and its success closes the breaker. The
 * probe first replays the remembered invalidations.
 */
public final class ResilientRedis {

    /** The breaker's name in its registry. */
    public static final String BREAKER = "catalog-cache-redis";

    private static final Logger log = LoggerFactory.getLogger(ResilientRedis.class);
    private static final int MAX_PENDING_DELETES = 100_000;
    private static final RedisScript<Long> UNLOCK = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    private final RedisTemplate<String, byte[]> values;
    private final StringRedisTemplate locks;
    private final Set<String> pendingDeletes = ConcurrentHashMap.newKeySet();
    private final Runnable onError;
    private final CircuitBreaker breaker;
    /** A call failed since the last replay: the next call that reaches Redis replays the invalidations first. */
    private volatile boolean failing;

    public ResilientRedis(
            RedisTemplate<String, byte[]> values,
            StringRedisTemplate locks,
            CircuitBreakerRegistry breakers,
            Duration retryAfter,
            Runnable onError) {
        this.values = values;
        this.locks = locks;
        this.onError = onError;
        this.breaker = breakers.circuitBreaker(BREAKER, breakerConfig(retryAfter));
    }

    /**
     * Open after a single failure (a window of one call, every call counted, any exception), stay open
     * for {@code retryAfter}, then let exactly one call probe. The open-to-half-open move happens by
     * itself, so {@link #available()} turns true when the wait is over, as a probe may then be made.
     */
    static CircuitBreakerConfig breakerConfig(Duration retryAfter) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(1)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(100)
                .recordExceptions(RuntimeException.class)
                .waitDurationInOpenState(retryAfter)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build();
    }

    /** The stored bytes, or null on a miss or when Redis is unavailable. */
    public byte[] get(String key) {
        return call(() -> values.opsForValue().get(key), null);
    }

    public void set(String key, byte[] value, long ttlMillis) {
        call(
                () -> {
                    values.opsForValue().set(key, value, ttlMillis, TimeUnit.MILLISECONDS);
                    return null;
                },
                null);
    }

    /** True when this caller holds the lock now; false when another does or Redis is unavailable. */
    public boolean tryLock(String key, String token, Duration ttl) {
        return Boolean.TRUE.equals(call(() -> locks.opsForValue().setIfAbsent(key, token, ttl), false));
    }

    public void unlock(String key, String token) {
        call(() -> locks.execute(UNLOCK, List.of(key), token), null);
    }

    public void delete(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Boolean deleted = call(
                () -> {
                    values.unlink(keys);
                    return true;
                },
                false);
        if (!Boolean.TRUE.equals(deleted)) {
            remember(keys);
        }
    }

    /** False while Redis is skipped after a failure (the breaker is open). */
    public boolean available() {
        CircuitBreaker.State state = breaker.getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }

    private <T> T call(Supplier<T> operation, T fallback) {
        try {
            return breaker.executeSupplier(() -> {
                if (failing) {
                    replayPendingDeletes();
                }
                return operation.get();
            });
        } catch (CallNotPermittedException skipped) {
            return fallback;
        } catch (RuntimeException e) {
            tripped(e);
            return fallback;
        }
    }

    private void replayPendingDeletes() {
        List<String> keys = new ArrayList<>(pendingDeletes);
        if (!keys.isEmpty()) {
            values.unlink(keys);
            keys.forEach(pendingDeletes::remove);
        }
        failing = false;
        log.info("Redis answers again; replayed {} invalidations", keys.size());
    }

    private void remember(Collection<String> keys) {
        if (pendingDeletes.size() + keys.size() > MAX_PENDING_DELETES) {
            log.warn("Too many invalidations pending while Redis is unavailable; entries may live until their TTL");
            return;
        }
        pendingDeletes.addAll(keys);
    }

    private void tripped(RuntimeException e) {
        if (!failing) {
            log.warn("Redis unavailable, reading from the database: {}", e.getMessage());
        }
        failing = true;
        onError.run();
    }
}
