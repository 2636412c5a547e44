package io.livedrop.catalog.browse.application;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.livedrop.catalog.browse.persistence.ResilientRedis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The catalog's read caches. Keys live under {@code livedrop.redis.key-prefix} + {@code catalog:}.
 */
public class CatalogCaches implements DisposableBean {

    private final ScheduledExecutorService delayedEvictions;
    private final CacheRegion creators;
    private final CacheRegion products;
    private final CacheRegion drops;

    public CatalogCaches(
            RedisTemplate<String, byte[]> values,
            StringRedisTemplate locks,
            String keyPrefix,
            CacheProperties properties,
            Clock clock,
            MeterRegistry meters,
            CircuitBreakerRegistry breakers) {
        Counter redisErrors = Counter.builder("livedrop.cache.redis.errors")
                .description("Redis calls of the catalog cache that failed (the read went to the database)")
                .register(meters);
        var redis = new ResilientRedis(values, locks, breakers, properties.redisRetryAfter(), redisErrors::increment);
        this.delayedEvictions = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("cache-evictions").daemon().factory());
        String prefix = keyPrefix + "catalog:";
        this.creators = region("creator", prefix, redis, properties, clock, meters);
        this.products = region("product", prefix, redis, properties, clock, meters);
        this.drops = region("drop", prefix, redis, properties, clock, meters);
    }

    private CacheRegion region(
            String name,
            String prefix,
            ResilientRedis redis,
            CacheProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return new CacheRegion(name, prefix + name + ":", redis, properties, clock, delayedEvictions, meters);
    }

    public CacheRegion creators() {
        return creators;
    }

    public CacheRegion products() {
        return products;
    }

    public CacheRegion drops() {
        return drops;
    }

    @Override
    public void destroy() {
        delayedEvictions.shutdownNow();
    }
}
