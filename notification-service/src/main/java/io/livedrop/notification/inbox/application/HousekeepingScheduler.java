package io.livedrop.notification.inbox.application;

import io.livedrop.notification.drop.persistence.PendingBroadcastRepository;
import io.livedrop.notification.follow.persistence.FollowEdgeRepository;
import io.livedrop.notification.inbox.domain.NotificationsStored;
import io.livedrop.notification.inbox.persistence.NotificationRepository;
import io.livedrop.notification.order.persistence.OrderSummaryRepository;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the tables bounded: notifications past their retention, old unfollow tombstones, order
 * summaries and parked broadcasts whose drop never arrived. Also stores parked broadcasts whose drop
 * summary raced their parking. Every step is idempotent, so all instances may run it.
 */
@Component
class HousekeepingScheduler {

    private static final Logger log = LoggerFactory.getLogger(HousekeepingScheduler.class);

    private final NotificationRepository notifications;
    private final FollowEdgeRepository follows;
    private final OrderSummaryRepository orders;
    private final PendingBroadcastRepository pending;
    private final EventIngestionService ingestion;
    private final ApplicationEventPublisher events;
    private final RetentionProperties retention;
    private final Clock clock;

    HousekeepingScheduler(
            NotificationRepository notifications,
            FollowEdgeRepository follows,
            OrderSummaryRepository orders,
            PendingBroadcastRepository pending,
            EventIngestionService ingestion,
            ApplicationEventPublisher events,
            RetentionProperties retention,
            Clock clock) {
        this.notifications = notifications;
        this.follows = follows;
        this.orders = orders;
        this.pending = pending;
        this.ingestion = ingestion;
        this.events = events;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${livedrop.notification.retention.housekeeping-interval:1m}",
            fixedDelayString = "${livedrop.notification.retention.housekeeping-interval:1m}")
    void run() {
        try {
            int released = ingestion.resolvePendingBroadcasts();
            if (released > 0) {
                events.publishEvent(new NotificationsStored(released)); // delivery looks now
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
