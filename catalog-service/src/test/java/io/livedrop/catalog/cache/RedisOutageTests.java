package io.livedrop.catalog.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TcpProxy;
import io.livedrop.common.test.TestInfrastructure;
import io.livedrop.common.test.TestPostgres;
import io.livedrop.common.test.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Redis goes away: reads keep working from the database, and a change made during the outage is not
 * hidden by a value cached before it once Redis is back. The service reaches Redis through a proxy
 * the test can cut; it has its own database and consumer group (another Spring context).
 */
@IntegrationTest(properties = "spring.kafka.consumer.group-id=catalog-redis-outage-tests")
@Import(RedisOutageTests.ProxiedRedis.class)
class RedisOutageTests extends CatalogIntegrationTest {

    static final TcpProxy proxy = new TcpProxy(TestRedis.host(), TestRedis.port());

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add(TestInfrastructure.OWN_DATABASE, () -> TestPostgres.isolatedJdbcUrl("redisoutage"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ProxiedRedis {

        @Bean
        @Primary
        DataRedisConnectionDetails redisThroughTheProxy() {
            return new DataRedisConnectionDetails() {
                @Override
                public Standalone getStandalone() {
                    return Standalone.of("127.0.0.1", proxy.port());
                }
            };
        }
    }

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @Test
    void readsFallBackToTheDatabaseAndChangesMadeDuringTheOutageWinAfterIt() throws Exception {
        User creator = api.newCreator();
        JsonNode drop = api.newDrop(
                creator, Instant.now().plusSeconds(3600), Instant.now().plusSeconds(7200), 10);
        String dropId = drop.path("id").asString();
        String productId = drop.path("productId").asString();
        api.get("/api/drops/" + dropId, null);
        assertThat(storedInRedis("drop", dropId)).contains("\"initialStock\":10");

        proxy.down();
        try {
            Thread.sleep(700); // past the in-process tier's TTL: reads now need Redis or the database
            for (int i = 0; i < 5; i++) {
                assertThat(api.get("/api/drops/" + dropId, null).status()).isEqualTo(200);
                assertThat(api.get("/api/products/" + productId, null).status()).isEqualTo(200);
                assertThat(api.get("/api/creators/" + creator.id(), null).status())
                        .isEqualTo(200);
            }
            assertThat(meters.counter("livedrop.cache.redis.errors").count()).isPositive();

            assertThat(api.patch("/api/drops/" + dropId, Map.of("initialStock", 7), creator.token())
                            .status())
                    .isEqualTo(200);
            assertThat(api.get("/api/drops/" + dropId, null)
                            .body()
                            .path("initialStock")
                            .asInt())
                    .isEqualTo(7);
            assertThat(storedInRedis("drop", dropId))
                    .as("the old value is still in Redis")
                    .contains("\"initialStock\":10");
        } finally {
            proxy.up();
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/api/drops/" + dropId, null)
                                        .body()
                                        .path("initialStock")
                                        .asInt()
                                == 7
                        && storedInRedis("drop", dropId) != null
                        && storedInRedis("drop", dropId).contains("\"initialStock\":7"));
    }

    /** Reads Redis directly, not through the proxy. */
    private String storedInRedis(String cache, String id) {
        RedisClient client = RedisClient.create(RedisURI.create(TestRedis.host(), TestRedis.port()));
        try (var connection = client.connect()) {
            return connection.sync().get(keyPrefix + "catalog:" + cache + ":" + id);
        } finally {
            client.shutdown();
        }
    }
}
