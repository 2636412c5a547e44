package io.livedrop.notification.ingest;

import io.livedrop.notification.config.NotificationProperties;
import io.livedrop.notification.realtime.NotificationTailer;
import io.livedrop.notification.store.FollowEdges;
import io.livedrop.notification.store.NotificationLog;
import io.livedrop.notification.store.OrderSummaries;
import io.livedrop.notification.store.PendingBroadcasts;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the tables bounded: notifications past their retention, old unfollow tombstones, order
 * summaries and parked broadcasts whose drop never arrived. Also stores parked broadcasts whose drop
 * summary raced their parking. Every step is idempotent, so all instances may run it.
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final NotificationLog notifications;
    private final FollowEdges follows;
    private final OrderSummaries orders;
    private final PendingBroadcasts pending;
    private final EventIngestion ingestion;
    private final NotificationTailer tailer;
    private final NotificationProperties.Retention retention;
    private final Clock clock;

    Housekeeping(
            NotificationLog notifications,
            FollowEdges follows,
            OrderSummaries orders,
            PendingBroadcasts pending,
            EventIngestion ingestion,
            NotificationTailer tailer,
            NotificationProperties properties,
            Clock clock) {
        this.notifications = notifications;
        this.follows = follows;
        this.orders = orders;
        this.pending = pending;
        this.ingestion = ingestion;
        this.tailer = tailer;
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${livedrop.notification.retention.housekeeping-interval:1m}",
            fixedDelayString = "${livedrop.notification.retention.housekeeping-interval:1m}")
    void run() {
        try {
            if (ingestion.resolvePendingBroadcasts() > 0) {
                tailer.wakeUp();
            }
            Instant now = clock.instant();
            int purged = notifications.purgeOlderThan(now.minus(retention.notifications()))
                    + orders.purgeOlderThan(now.minus(retention.notifications()))
                    + follows.purgeTombstonesOlderThan(now.minus(retention.followTombstones()))
                    + pending.purgeOlderThan(now.minus(retention.pendingBroadcasts()));
            if (purged > 0) {
                log.info("Housekeeping removed {} rows", purged);
            }
        } catch (RuntimeException failed) {
            log.warn("Housekeeping failed, next run retries: {}", failed.toString());
        }
    }
}
