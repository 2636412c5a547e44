package io.livedrop.common.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the outbox relay.
 *
 * @param lanes events are split by key hash into this many lanes, each relayed by one instance at a
 *     time; change it only while the outbox is empty
 * @param pollInterval how often an idle relay looks for rows written by other instances (own commits
 *     wake it at once; a lane held by another instance is looked at again after 100 ms)
 * @param batchSize rows published per lane and round trip
 * @param sendTimeout how long a batch may wait for Kafka acknowledgements before it is retried
 * @param maxBackoff the longest pause of a lane after repeated failures (retries never stop)
 * @param retention how long sent rows are kept for inspection before they are purged
 */
@ConfigurationProperties("livedrop.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("4") int lanes,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("1h") Duration retention) {}
