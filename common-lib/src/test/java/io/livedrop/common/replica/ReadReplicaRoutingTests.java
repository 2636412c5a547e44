package io.livedrop.common.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.livedrop.common.replica.ReplicaReadingApplication.Reads;
import io.livedrop.common.test.TestPostgres;
import io.livedrop.common.test.TestReplica;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routing against a real hot standby of the local PostgreSQL: marked reads answer from the server in
 * recovery, writes never land there, and reads fall back to the primary while the replica is down or
 * lags beyond the bound (replay paused on the replica, commits on the primary).
 */
class ReadReplicaRoutingTests {

    static final Duration MAX_LAG = Duration.ofSeconds(1);

    static TestReplica replica;
    static ConfigurableApplicationContext context;
    static Reads reads;
    static JdbcClient primary;
    static JdbcClient replicaDirect;
    static ReplicaLag lag;
    static MeterRegistry meters;

    @BeforeAll
    static void startReplicaAndContext() {
        String primaryUrl = TestPostgres.isolatedJdbcUrl("replica");
        primary = direct(primaryUrl);
        primary.sql("create table replica_note (note text primary key)").update();
        replica = TestReplica.start();
        replicaDirect = direct(replica.jdbcUrl(primaryUrl));
        context = new SpringApplicationBuilder(ReplicaReadingApplication.class)
                .web(WebApplicationType.NONE)
                // arguments: above application.yml and the shared defaults
                .run(
                        "--spring.datasource.url=" + primaryUrl,
                        "--spring.datasource.username=" + TestPostgres.username(),
                        "--spring.datasource.password=" + TestPostgres.password(),
                        "--spring.flyway.enabled=false",
                        "--livedrop.datasource.read.url=" + replica.jdbcUrl(primaryUrl),
                        "--livedrop.datasource.read.max-lag=" + MAX_LAG.toMillis() + "ms",
                        "--livedrop.datasource.read.check-interval=200ms");
        reads = context.getBean(Reads.class);
        lag = context.getBean(ReplicaLag.class);
        meters = context.getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(20)).until(lag::usable);
    }

    @AfterAll
    static void stopEverything() {
        if (context != null) {
            context.close();
        }
        if (replica != null) {
            replica.close();
        }
    }

    @Test
    void markedReadsAnswerFromTheStandbyAndTheRestFromThePrimary() {
        assertThat(reads.marked()).as("@ReplicaRead").isTrue();
        assertThat(reads.markedReadOnlyTransaction())
                .as("@ReplicaRead read-only transaction")
                .isTrue();
        assertThat(ReadReplica.read(reads::fromPrimaryPath))
                .as("ReadReplica.read")
                .isTrue();
        assertThat(reads.fromPrimaryPath()).as("unmarked").isFalse();
        assertThat(meters.counter("livedrop.db.replica.reads", "target", "replica")
                        .count())
                .isPositive();
        assertThat(lag.lagSeconds()).isLessThanOrEqualTo(MAX_LAG.toSeconds());
    }

    /** Boot's health check and pool metrics unwrap the DataSource: they must find the primary pool only. */
    @Test
    void theApplicationDataSourceUnwrapsToThePrimaryPoolOnly() throws SQLException {
        DataSource dataSource = context.getBean(DataSource.class);
        assertThat(dataSource.isWrapperFor(AbstractRoutingDataSource.class)).isFalse();
        assertThat(dataSource.unwrap(HikariDataSource.class).getPoolName()).isNotEqualTo("replica");
        assertThat(dataSource.unwrap(HikariDataSource.class).getJdbcUrl()).doesNotContain(":" + replica.port() + "/");
    }

    @Test
    void aMarkedReadInsideAWriteTransactionStaysOnThePrimary() {
        var transactions = context.getBean(TransactionTemplate.class);
        Boolean inRecovery = transactions.execute(status -> reads.marked());
        assertThat(inRecovery).isFalse();
    }

    @Test
    void aWriteTransactionInMarkedWorkGoesToThePrimary() {
        String note = "tx-" + UUID.randomUUID();
        assertThat(reads.markedWriteTransaction(note))
                .as("answered by a standby")
                .isFalse();
        assertThat(countOnPrimary(note)).isEqualTo(1);
    }

    @Test
    void aBareWriteInMarkedWorkIsRefusedAndLandsNowhere() {
        String note = "bare-" + UUID.randomUUID();
        assertThatThrownBy(() -> reads.markedBareWrite(note))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("25006")); // read_only_sql_transaction
        assertThat(countOnPrimary(note)).isZero();
    }

    @Test
    void readsFallBackToThePrimaryWhileTheReplicaIsDownAndReturnAfterwards() {
        double fallbacksBefore = fallbacks();
        replica.stop();
        try {
            // the very first read after the stop may find out itself (before the background check)
            assertThat(reads.marked()).isFalse();
            await().atMost(Duration.ofSeconds(5)).until(() -> !lag.usable());
            assertThat(reads.marked()).isFalse();
            assertThat(Double.isNaN(lag.lagSeconds())).isTrue();
            assertThat(fallbacks()).isGreaterThanOrEqualTo(fallbacksBefore + 2);
        } finally {
            replica.resume();
        }
        await().atMost(Duration.ofSeconds(20)).until(lag::usable);
        assertThat(reads.marked()).isTrue();
    }

    @Test
    void readsGoToThePrimaryWhileTheReplicaLagsBeyondTheBound() {
        String before = "before-" + UUID.randomUUID();
        String during = "during-" + UUID.randomUUID();
        primary.sql("insert into replica_note (note) values (:n)")
                .param("n", before)
                .update();
        replica.awaitCaughtUp(Duration.ofSeconds(10));
        replica.pauseReplay();
        try {
            primary.sql("insert into replica_note (note) values (:n)")
                    .param("n", during)
                    .update();
            // the replica does not have it: proof that the lag is real
            assertThat(replicaCount(during)).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> !lag.usable());
            assertThat(lag.lagSeconds()).isGreaterThan(MAX_LAG.toMillis() / 1000.0);
            double fallbacksBefore = fallbacks();
            assertThat(reads.marked()).as("answered by a standby").isFalse();
            assertThat(fallbacks()).isEqualTo(fallbacksBefore + 1);
        } finally {
            replica.resumeReplay();
        }
        await().atMost(Duration.ofSeconds(10)).until(lag::usable);
        assertThat(reads.marked()).isTrue();
        assertThat(replicaCount(during)).isOne();
    }

    private static long replicaCount(String note) {
        return count(replicaDirect, note);
    }

    private static long countOnPrimary(String note) {
        return count(primary, note);
    }

    private static long count(JdbcClient server, String note) {
        return server.sql("select count(*) from replica_note where note = :n")
                .param("n", note)
                .query(Long.class)
                .single();
    }

    /** A connection of its own to one server, outside the routing under test. */
    private static JdbcClient direct(String url) {
        return JdbcClient.create(new DriverManagerDataSource(url, TestPostgres.username(), TestPostgres.password()));
    }

    private static double fallbacks() {
        return meters.counter("livedrop.db.replica.reads", "target", "primary-fallback")
                .count();
    }

    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
