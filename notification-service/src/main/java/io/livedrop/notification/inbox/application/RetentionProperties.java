package io.livedrop.notification.inbox.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long stored rows are kept ({@code livedrop.notification.retention}).
 *
 * @param notifications age after which notifications are deleted
 * @param followTombstones age after which unfollow tombstones are deleted
 * @param pendingBroadcasts age after which stock.low / sold_out waiting for an unknown drop are dropped
 * @param housekeepingInterval how often the purge runs
 */
@Validated
@ConfigurationProperties("livedrop.notification.retention")
public record RetentionProperties(
        @DefaultValue("90d") Duration notifications,
        @DefaultValue("7d") Duration followTombstones,
        @DefaultValue("1d") Duration pendingBroadcasts,
        @DefaultValue("1m") Duration housekeepingInterval) {}
