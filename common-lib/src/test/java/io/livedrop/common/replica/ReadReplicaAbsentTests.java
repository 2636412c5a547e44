package io.livedrop.common.replica;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.livedrop.common.replica.ReplicaReadingApplication.Reads;
import io.livedrop.common.test.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Without DB_READ_URL nothing of the replica is wired and marked reads use the primary. */
class ReadReplicaAbsentTests {

    @Test
    void withoutAReadUrlEveryReadGoesToThePrimaryPool() {
        try (var context = new SpringApplicationBuilder(ReplicaReadingApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + TestPostgres.jdbcUrl(),
                        "--spring.datasource.username=" + TestPostgres.username(),
                        "--spring.datasource.password=" + TestPostgres.password(),
                        "--spring.flyway.enabled=false")) {
            assertThat(context.getBeansOfType(ReplicaLag.class)).isEmpty();
            assertThat(context.getBeansOfType(ReplicaPool.class)).isEmpty();
            assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
            assertThat(context.getBean(Reads.class).marked()).isFalse();
            assertThat(ReadReplica.read(() -> context.getBean(Reads.class).fromPrimaryPath()))
                    .isFalse();
        }
    }
}
