package io.livedrop.common.messaging;

import io.livedrop.common.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka conventions of EVENTS.md: every topic (and its {@code .DLT}) is created at start-up with the
 * configured partitions and replication, and a record that keeps failing goes to the dead-letter
 * topic after bounded retries instead of blocking its partition.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration"
        })
@ConditionalOnClass(KafkaOperations.class)
@EnableConfigurationProperties(KafkaTopicsProperties.class)
public class KafkaMessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaMessagingConfiguration.class);

    @Bean
    KafkaAdmin.NewTopics livedropTopics(KafkaTopicsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(topic(topic, properties));
            topics.add(topic(topic + Topics.DEAD_LETTER_SUFFIX, properties));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler livedropKafkaErrorHandler(
            KafkaOperations<Object, Object> kafka, KafkaTopicsProperties properties, MeterRegistry meters) {
        // registered up front so dashboards and alerts see a zero, not a missing series
        Topics.ALL.forEach(topic -> deadLetters(meters, topic));
        var recoverer = new DeadLetterPublishingRecoverer(kafka, (record, ex) -> {
            log.warn(
                    "Dead-lettering {}@{}/{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    ex.getMessage());
            deadLetters(meters, record.topic()).increment();
            return new org.apache.kafka.common.TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1);
        });
        return new DefaultErrorHandler(
                recoverer, new FixedBackOff(properties.retryInterval().toMillis(), properties.retryAttempts()));
    }

    @Bean
    @ConditionalOnMissingBean
    ConsumerSpans consumerSpans(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer activeTracer = tracer.getIfAvailable();
        Propagator activePropagator = propagator.getIfAvailable();
        return activeTracer != null && activePropagator != null
                ? new ConsumerSpans(activeTracer, activePropagator)
                : ConsumerSpans.none();
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    private static Counter deadLetters(MeterRegistry meters, String topic) {
        return Counter.builder("livedrop.kafka.dead.letters")
                .description("Records sent to the dead-letter topic after failed retries")
                .tag("topic", topic)
                .register(meters);
    }

    private static NewTopic topic(String name, KafkaTopicsProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .build();
    }
}
