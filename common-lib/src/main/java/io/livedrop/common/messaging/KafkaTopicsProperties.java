package io.livedrop.common.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How topics are created at start-up and how a failing record is retried before it is dead-lettered.
 */
@ConfigurationProperties("livedrop.kafka")
public record KafkaTopicsProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("200ms") java.time.Duration retryInterval) {}
