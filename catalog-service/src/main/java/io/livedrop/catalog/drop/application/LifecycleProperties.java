package io.livedrop.catalog.drop.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The drop lifecycle scheduler.
 *
 * @param enabled whether this instance fires drop.started / drop.ended (any number of instances may)
 * @param pollInterval the longest sleep between two looks for due drops; the scheduler also wakes at
 *     the next known due time and when a drop is created or rescheduled here
 * @param batchSize drops claimed per transaction
 */
@ConfigurationProperties("livedrop.catalog.lifecycle")
public record LifecycleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("100") int batchSize) {}
