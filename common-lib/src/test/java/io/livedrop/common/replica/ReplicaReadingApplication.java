package io.livedrop.common.replica;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** Just JDBC, transactions and the replica wiring, with a bean whose reads are marked. */
@SpringBootConfiguration
@ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class,
    ReadReplicaConfiguration.class
})
class ReplicaReadingApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    Reads reads(JdbcClient jdbc) {
        return new Reads(jdbc);
    }

    /** Each method asks the server that answers whether it is a standby. */
    static class Reads {

        static final String IN_RECOVERY = "select pg_is_in_recovery()";

        private final JdbcClient jdbc;

        Reads(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        boolean fromPrimaryPath() {
            return jdbc.sql(IN_RECOVERY).query(Boolean.class).single();
        }

        @ReplicaRead
        boolean marked() {
            return jdbc.sql(IN_RECOVERY).query(Boolean.class).single();
        }

        @ReplicaRead
        @Transactional(readOnly = true)
        boolean markedReadOnlyTransaction() {
            return jdbc.sql(IN_RECOVERY).query(Boolean.class).single();
        }

        /** A bare write in marked work: gets a read-only replica connection. */
        @ReplicaRead
        void markedBareWrite(String note) {
            jdbc.sql("insert into replica_note (note) values (:note)")
                    .param("note", note)
                    .update();
        }

        /** A write transaction in marked work: the primary's. */
        @ReplicaRead
        @Transactional
        boolean markedWriteTransaction(String note) {
            jdbc.sql("insert into replica_note (note) values (:note)")
                    .param("note", note)
                    .update();
            return jdbc.sql(IN_RECOVERY).query(Boolean.class).single();
        }
    }
}
