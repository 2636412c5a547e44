package io.livedrop.catalog.browse.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read cache of creators, products and drops.
 *
 * @param ttl how long Redis keeps an entry (event-driven invalidation usually removes it earlier)
 * @param localTtl how long an instance serves an entry from its own memory; bounds how stale another
 *     instance's view can be after an invalidation it did not see (stock is allowed to lag 1 s)
 * @param localMaxEntries size bound of the in-process tier
 * @param fillLockTtl how long one instance may hold the Redis lock that keeps others from loading the
 *     same key from the database at the same time
 * @param fillLockWait how long an instance that did not get the lock waits for the holder's value
 *     before it loads from the database itself
 * @param redisRetryAfter after a Redis error, how long the cache goes straight to the database
 * @param secondEvictionDelay an invalidation is repeated after this delay, to remove a value another
 *     instance may have read before the change committed and written after the first invalidation
 */
@ConfigurationProperties("livedrop.catalog.cache")
public record CacheProperties(
        @DefaultValue("60s") Duration ttl,
        @DefaultValue("500ms") Duration localTtl,
        @DefaultValue("20000") int localMaxEntries,
        @DefaultValue("2s") Duration fillLockTtl,
        @DefaultValue("300ms") Duration fillLockWait,
        @DefaultValue("1s") Duration redisRetryAfter,
        @DefaultValue("1s") Duration secondEvictionDelay) {}
