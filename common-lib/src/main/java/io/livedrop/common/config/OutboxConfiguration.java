package io.livedrop.common.config;

import io.livedrop.common.events.EventCodec;
import io.livedrop.common.messaging.IdempotentEventHandler;
import io.livedrop.common.messaging.ProcessedEvents;
import io.livedrop.common.outbox.MicrometerOutboxTracing;
import io.livedrop.common.outbox.Outbox;
import io.livedrop.common.outbox.OutboxHousekeeping;
import io.livedrop.common.outbox.OutboxProperties;
import io.livedrop.common.outbox.OutboxRelay;
import io.livedrop.common.outbox.OutboxTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The transactional outbox and idempotent consumption, for services with a database and Kafka. */
@AutoConfiguration(
        after = CoreConfiguration.class,
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration"
        })
@ConditionalOnClass({JdbcClient.class, KafkaTemplate.class})
@ConditionalOnBean({DataSource.class, KafkaTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            OutboxProperties properties) {
        return new OutboxRelay(jdbc, transactions, kafka, properties);
    }

    @Bean
    Outbox outbox(
            JdbcClient jdbc,
            EventCodec codec,
            @Value("${spring.application.name:unnamed-service}") String source,
            OutboxProperties properties,
            Clock clock,
            OutboxRelay relay,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        OutboxTracing tracing = tracer.getIfAvailable() != null && propagator.getIfAvailable() != null
                ? new MicrometerOutboxTracing(tracer.getObject(), propagator.getObject())
                : OutboxTracing.NONE;
        return new Outbox(jdbc, codec, source, properties.lanes(), clock, relay::wakeUp, tracing);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    IdempotentEventHandler idempotentEventHandler(
            EventCodec codec, ProcessedEvents processedEvents, TransactionTemplate transactions) {
        return new IdempotentEventHandler(codec, processedEvents, transactions);
    }

    @Bean
    OutboxHousekeeping outboxHousekeeping(
            JdbcClient jdbc, ProcessedEvents processedEvents, OutboxProperties properties, MeterRegistry meters) {
        return new OutboxHousekeeping(jdbc, processedEvents, properties.retention(), meters);
    }
}
