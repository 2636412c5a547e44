package io.livedrop.catalog.browse.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.livedrop.catalog.browse.domain.CachedValue;
import io.livedrop.catalog.browse.persistence.ResilientRedis;
import io.livedrop.common.ids.Ids;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * Read-through cache of one kind of response body (creator, product, drop), in two tiers: a short
 * in-process tier (a hit costs a map lookup and no I/O) in front of Redis (shared by all instances).
 *
 * <p>Stampede protection on a hot key: within the JVM only one thread loads a missing key (the
 * others wait for its result: single flight); across instances a short Redis lock lets one instance
 * load while the others wait briefly for its value and load themselves only if it does not come.
 *
 * <p>Invalidation races: an eviction bumps a per-key generation, and a load that started before it
 * does not write its (possibly old) value into the cache; if the eviction lands while that value is
 * being written, the writer takes it out again. Another instance may still write a value
 * it read before the change committed, so every eviction is repeated a moment later.
 */
public final class CacheRegion {

    private static final int STRIPES = 1024;
    private static final long POLL_MILLIS = 25;

    private final String name;
    private final String keyPrefix;
    private final ResilientRedis redis;
    private final CacheProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService delayedEvictions;
    private final Cache<String, CachedValue> local;
    private final ConcurrentHashMap<String, Flight> inFlight = new ConcurrentHashMap<>();
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    private final Counter hits;
    private final Counter misses;

    CacheRegion(
            String name,
            String keyPrefix,
            ResilientRedis redis,
            CacheProperties properties,
            Clock clock,
            ScheduledExecutorService delayedEvictions,
            MeterRegistry meters) {
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
        this.delayedEvictions = delayedEvictions;
        this.local = Caffeine.newBuilder()
                .maximumSize(properties.localMaxEntries())
                .expireAfter(new LocalExpiry(properties.localTtl().toNanos(), clock))
                .build();
        this.hits = counter(meters, name, "hit");
        this.misses = counter(meters, name, "miss");
    }

    private static Counter counter(MeterRegistry meters, String cache, String result) {
        return Counter.builder("livedrop.cache.requests")
                .description("Reads of the catalog cache by outcome (a miss went to the database)")
                .tag("cache", cache)
                .tag("result", result)
                .register(meters);
    }

    public String name() {
        return name;
    }

    /**
     * The cached body for {@code id}, loading it with {@code loader} on a miss.
     *
     * @return the JSON body, or null when the loader found nothing (not cached)
     */
    public byte[] get(String id, Supplier<CachedValue> loader) {
        CachedValue value = getValue(id, loader);
        return value == null ? null : value.json();
    }

    /** Like {@link #get}, with the moment the body stops being true (for HTTP caching headers). */
    public CachedValue getValue(String id, Supplier<CachedValue> loader) {
        String key = keyPrefix + id;
        CachedValue value = local.getIfPresent(key);
        if (value != null && value.validAt(clock.millis())) {
            hits.increment();
            return value;
        }
        long generation = generations.get(stripe(key));
        Flight mine = new Flight(generation, new CompletableFuture<>());
        Flight leader = inFlight.putIfAbsent(key, mine);
        if (leader != null && leader.generation() == generation) {
            Lookup lookup = await(leader.result());
            hits.increment(); // served without a database read of its own: misses count database loads
            return lookup.value();
        }
        if (leader != null) {
            // the load in flight began before an eviction: its value may predate the change, so this
            // reader loads its own (not shared; the leader's store is refused by the generation check)
            Lookup lookup = lookup(key, loader, generation);
            count(lookup);
            return lookup.value();
        }
        try {
            Lookup lookup = lookup(key, loader, generation);
            mine.result().complete(lookup);
            count(lookup);
            return lookup.value();
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    public void evict(String id) {
        evictAll(List.of(id));
    }

    /** Removes entries from both tiers now and once more after a short delay. */
    public void evictAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(ids.size());
        for (String id : ids) {
            String key = keyPrefix + id;
            generations.incrementAndGet(stripe(key));
            keys.add(key);
        }
        local.invalidateAll(keys);
        redis.delete(keys);
        delayedEvictions.schedule(
                () -> {
                    local.invalidateAll(keys);
                    redis.delete(keys);
                },
                properties.secondEvictionDelay().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private Lookup lookup(String key, Supplier<CachedValue> loader, long generation) {
        CachedValue shared = fromRedis(key);
        if (shared != null) {
            putLocal(key, shared, generation);
            return new Lookup(shared, true);
        }
        String lockKey = key + ":fill-lock";
        String token = Ids.newId().toString();
        boolean locked = redis.tryLock(lockKey, token, properties.fillLockTtl());
        try {
            if (!locked && redis.available()) {
                CachedValue filledByOther = awaitOtherInstance(key);
                if (filledByOther != null) {
                    putLocal(key, filledByOther, generation);
                    return new Lookup(filledByOther, true);
                }
            }
            CachedValue loaded = loader.get();
            if (loaded == null) {
                return new Lookup(null, false);
            }
            store(key, loaded, generation);
            return new Lookup(loaded, false);
        } finally {
            if (locked) {
                redis.unlock(lockKey, token);
            }
        }
    }

    private void store(String key, CachedValue value, long generationAtStart) {
        long remaining = value.validUntilMillis() - clock.millis();
        if (remaining <= 0 || generations.get(stripe(key)) != generationAtStart) {
            return; // about to change status, or invalidated while we were loading
        }
        redis.set(key, value.encode(), Math.min(remaining, properties.ttl().toMillis()));
        if (!putLocal(key, value, generationAtStart)) {
            // an eviction ran between the check and the writes, and may have deleted before they landed
            redis.delete(List.of(key));
        }
    }

    /**
     * Puts a value into the local tier unless an eviction came after {@code generationAtStart}, and
     * takes it out again if one raced in while it was put.
     *
     * @return whether the value stayed (no eviction came in between)
     */
    private boolean putLocal(String key, CachedValue value, long generationAtStart) {
        if (generations.get(stripe(key)) != generationAtStart) {
            return false;
        }
        local.put(key, value);
        if (generations.get(stripe(key)) != generationAtStart) {
            local.invalidate(key);
            return false;
        }
        return true;
    }

    private CachedValue fromRedis(String key) {
        byte[] stored = redis.get(key);
        if (stored == null) {
            return null;
        }
        CachedValue value = CachedValue.decode(stored);
        return value != null && value.validAt(clock.millis()) ? value : null;
    }

    private CachedValue awaitOtherInstance(String key) {
        long deadline = System.nanoTime() + properties.fillLockWait().toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            CachedValue value = fromRedis(key);
            if (value != null || !redis.available()) {
                return value;
            }
        }
        return null;
    }

    private void count(Lookup lookup) {
        (lookup.fromCache() ? hits : misses).increment();
    }

    private static Lookup await(CompletableFuture<Lookup> leader) {
        try {
            return leader.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static int stripe(String key) {
        return Math.floorMod(key.hashCode(), STRIPES);
    }

    private record Lookup(CachedValue value, boolean fromCache) {}

    /** A load in progress, and the eviction generation of its key when it began. */
    private record Flight(long generation, CompletableFuture<Lookup> result) {}

    /** An entry lives locally for localTtl, never past the moment its content stops being true. */
    private record LocalExpiry(long localTtlNanos, Clock clock) implements Expiry<String, CachedValue> {

        @Override
        public long expireAfterCreate(String key, CachedValue value, long currentTime) {
            long untilInvalidMillis = value.validUntilMillis() - clock.millis();
            if (untilInvalidMillis <= 0) {
                return 0;
            }
            return untilInvalidMillis >= localTtlNanos / 1_000_000L ? localTtlNanos : untilInvalidMillis * 1_000_000L;
        }

        @Override
        public long expireAfterUpdate(String key, CachedValue value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, CachedValue value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
