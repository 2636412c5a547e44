package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.auth.token.application.AuthProperties;
import io.livedrop.auth.token.application.KeyRotationService;
import io.livedrop.auth.token.application.SigningKeyService;
import io.livedrop.auth.token.domain.PrivateKeyCipher;
import io.livedrop.auth.token.persistence.SigningKeyRepository;
import io.livedrop.common.test.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many instances bootstrapping keys on an empty database at the same moment (each with its own
 * connection) end up with exactly one key: the advisory lock serialises them.
 */
class KeyBootstrapConcurrencyTests {

    private static final int INSTANCES = 6;
    /** Ticks in microseconds, as common-lib's Clock bean does (what PostgreSQL stores). */
    private static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private static DriverManagerDataSource dataSource;

    @BeforeAll
    static void migrate() throws Exception {
        String url = TestPostgres.isolatedJdbcUrl("keybootstrap");
        dataSource = new DriverManagerDataSource(url, TestPostgres.username(), TestPostgres.password());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/livedrop-common")
                .load()
                .migrate();
    }

    @AfterAll
    static void forget() {
        dataSource = null;
    }

    @RepeatedTest(5)
    void concurrentBootstrapsCreateOneKey() throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from signing_key").update();
        List<KeyRotationService> instances = new ArrayList<>();
        List<SigningKeyService> views = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            var properties = properties();
            var repository = new SigningKeyRepository(JdbcClient.create(dataSource));
            var cipher = new PrivateKeyCipher(properties.keys().encryptionSecret());
            var keys = new SigningKeyService(repository, cipher, properties, CLOCK);
            var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            instances.add(new KeyRotationService(repository, cipher, keys, transactions, properties, CLOCK));
            views.add(keys);
        }

        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(INSTANCES)) {
            List<Future<?>> done = new ArrayList<>();
            for (KeyRotationService instance : instances) {
                done.add(pool.submit(() -> {
                    start.await();
                    instance.ensureActiveKey();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        }

        assertThat(jdbc.sql("select count(*) from signing_key")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(views.stream().map(keys -> keys.current().kid()).distinct()).hasSize(1);
    }

    private static AuthProperties properties() {
        return new AuthProperties(
                Duration.ofMinutes(15),
                Duration.ofDays(30),
                Duration.ofDays(30),
                Duration.ofMinutes(5),
                Duration.ofMinutes(5),
                4,
                "a:b",
                "",
                new AuthProperties.Keys(
                        "test-secret",
                        Duration.ofDays(30),
                        Duration.ofMinutes(5),
                        Duration.ofHours(1),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(10)),
                Duration.ofHours(1),
                new AuthProperties.LoginThrottle(
                        5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1)));
    }
}
