package io.livedrop.catalog.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.browse.application.CatalogCaches;
import io.livedrop.catalog.browse.domain.CachedValue;
import io.livedrop.catalog.support.CatalogApi;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/** The Redis read cache: filled on reads, invalidated by edits and events, one load per hot key. */
class ReadCacheTests extends CatalogIntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CatalogCaches caches;

    @Autowired
    MeterRegistry meters;

    User creator;

    @BeforeEach
    void setUp() {
        creator = api.newCreator();
    }

    @Test
    void readsAreServedFromRedisUnderTheServicePrefixAndCounted() {
        String dropId = upcomingDrop().path("id").asString();
        double missesBefore = count("drop", "miss");
        double hitsBefore = count("drop", "hit");

        api.get("/api/drops/" + dropId, null);
        api.get("/api/drops/" + dropId, null);
        api.get("/api/drops/" + dropId, null);

        assertThat(redis.hasKey(keyPrefix + "catalog:drop:" + dropId)).isTrue();
        assertThat(redis.getExpire(keyPrefix + "catalog:drop:" + dropId)).isBetween(1L, 60L);
        assertThat(count("drop", "miss") - missesBefore).isEqualTo(1);
        assertThat(count("drop", "hit") - hitsBefore).isEqualTo(2);
        String metrics = api.getText("/actuator/prometheus");
        assertThat(metrics)
                .contains("livedrop_cache_requests_total{")
                .contains("cache=\"drop\"")
                .contains("result=\"hit\"");
    }

    @Test
    void theCacheServesItsCopyUntilTheDropIsInvalidated() {
        String dropId = upcomingDrop().path("id").asString();
        api.get("/api/drops/" + dropId, null);

        // a change that bypasses the service: the cache keeps serving the old value...
        jdbc.sql("update drops set available = 3 where id = cast(:id as uuid)")
                .param("id", dropId)
                .update();
        assertThat(api.get("/api/drops/" + dropId, null)
                        .body()
                        .path("available")
                        .asInt())
                .isEqualTo(10);

        // ...until it is invalidated, as the service does after its own changes and on events
        caches.drops().evict(dropId);
        assertThat(api.get("/api/drops/" + dropId, null)
                        .body()
                        .path("available")
                        .asInt())
                .isEqualTo(3);
        assertThat(redis.hasKey(keyPrefix + "catalog:drop:" + dropId)).isTrue();
    }

    @Test
    void ownEditsInvalidateTheCachedDrop() {
        String dropId = upcomingDrop().path("id").asString();
        api.get("/api/drops/" + dropId, null);

        api.patch("/api/drops/" + dropId, Map.of("initialStock", 7), creator.token());

        assertThat(api.get("/api/drops/" + dropId, null)
                        .body()
                        .path("initialStock")
                        .asInt())
                .isEqualTo(7);
    }

    @Test
    void productAndCreatorEditsInvalidateTheirCachedReadsAndTheDropsShowingThem() {
        JsonNode drop = upcomingDrop();
        String dropId = drop.path("id").asString();
        String productId = drop.path("productId").asString();
        api.get("/api/drops/" + dropId, null);
        api.get("/api/products/" + productId, null);
        api.get("/api/creators/" + creator.id(), null);

        api.patch(
                "/api/products/" + productId,
                Map.of("title", "Renamed", "imageUrl", "https://i.example/n.png"),
                creator.token());
        String handle = CatalogApi.uniqueHandle();
        api.patch("/api/creators/me", Map.of("handle", handle), creator.token());

        assertThat(api.get("/api/products/" + productId, null).text("title")).isEqualTo("Renamed");
        assertThat(api.get("/api/creators/" + creator.id(), null).text("handle"))
                .isEqualTo(handle);
        JsonNode shown = api.get("/api/drops/" + dropId, null).body();
        assertThat(shown.path("product").path("title").asString()).isEqualTo("Renamed");
        assertThat(shown.path("product").path("imageUrl").asString()).isEqualTo("https://i.example/n.png");
        assertThat(shown.path("creator").path("handle").asString()).isEqualTo(handle);
    }

    @Test
    void aCachedUpcomingDropTurnsLiveAtItsStartTime() {
        Instant startsAt = Instant.now().plusSeconds(2);
        String dropId = api.newDrop(creator, startsAt, startsAt.plusSeconds(2), 5)
                .path("id")
                .asString();
        assertThat(api.get("/api/drops/" + dropId, null).text("status")).isEqualTo("upcoming");

        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(startsAt));
        assertThat(api.get("/api/drops/" + dropId, null).text("status")).isEqualTo("live");

        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(startsAt.plusSeconds(2)));
        assertThat(api.get("/api/drops/" + dropId, null).text("status")).isEqualTo("ended");
    }

    /** A cold hot key: many concurrent readers, one database load (single flight + fill lock). */
    @RepeatedTest(3)
    void aStampedeOnOneColdKeyLoadsItOnce() throws Exception {
        String dropId = upcomingDrop().path("id").asString();
        caches.drops().evict(dropId);
        double missesBefore = count("drop", "miss");
        int readers = 64;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> reads = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < readers; i++) {
                reads.add(threads.submit(() -> {
                    start.await();
                    return api.get("/api/drops/" + dropId, null);
                }));
            }
            start.countDown();
            for (Future<Response> read : reads) {
                assertThat(read.get().status()).isEqualTo(200);
            }
        }
        assertThat(count("drop", "miss") - missesBefore).isEqualTo(1);
    }

    /** The same, below HTTP: the loader itself runs once for concurrent callers of the region. */
    @RepeatedTest(3)
    void concurrentCallersOfOneKeyShareOneLoad() throws Exception {
        String key = "stampede-" + java.util.UUID.randomUUID();
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<byte[]>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return caches.products().get(key, () -> {
                        loads.incrementAndGet();
                        sleep(200); // a slow query: everyone arrives while it runs
                        return CachedValue.of("{\"v\":1}".getBytes());
                    });
                }));
            }
            start.countDown();
            for (Future<byte[]> result : results) {
                assertThat(new String(result.get())).isEqualTo("{\"v\":1}");
            }
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void aLoadThatRacedAnInvalidationIsNotCached() throws Exception {
        String key = "race-" + java.util.UUID.randomUUID();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch invalidated = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<byte[]> stale = threads.submit(() -> caches.products().get(key, () -> {
                loading.countDown();
                awaitLatch(invalidated);
                return CachedValue.of("old".getBytes());
            }));
            loading.await();
            caches.products().evict(key); // the change committed while the old value was being read
            invalidated.countDown();
            assertThat(new String(stale.get())).isEqualTo("old");
        }

        byte[] next = caches.products().get(key, () -> CachedValue.of("new".getBytes()));

        assertThat(new String(next)).isEqualTo("new");
    }

    /** A reader arriving after an eviction never gets the value of a load that began before it. */
    @Test
    void aReaderAfterAnInvalidationDoesNotJoinALoadThatBeganBeforeIt() throws Exception {
        String key = "join-" + java.util.UUID.randomUUID();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch invalidated = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<byte[]> stale = threads.submit(() -> caches.products().get(key, () -> {
                loading.countDown();
                awaitLatch(invalidated);
                return CachedValue.of("old".getBytes());
            }));
            loading.await();
            caches.products().evict(key); // the change committed while the old value was being read

            byte[] afterTheChange = caches.products().get(key, () -> CachedValue.of("new".getBytes()));

            assertThat(new String(afterTheChange)).isEqualTo("new");
            invalidated.countDown();
            assertThat(new String(stale.get())).isEqualTo("old");
        }
    }

    private JsonNode upcomingDrop() {
        return api.newDrop(
                creator, Instant.now().plusSeconds(3600), Instant.now().plusSeconds(7200), 10);
    }

    private double count(String cache, String result) {
        return meters.counter("livedrop.cache.requests", "cache", cache, "result", result)
                .count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
