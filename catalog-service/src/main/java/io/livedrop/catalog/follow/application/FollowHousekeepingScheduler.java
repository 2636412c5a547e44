package io.livedrop.catalog.follow.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges unfollow tombstones once no redelivery can reach them any more (older than Kafka's
 * retention plus a margin): they only exist to win against an older, reordered follow event. Every
 * {@code livedrop.catalog.follows.housekeeping-interval} (60 min), the first one {@code
 * housekeeping-initial-delay} (5 min) after start-up.
 */
@Component
class FollowHousekeepingScheduler {

    private static final Logger log = LoggerFactory.getLogger(FollowHousekeepingScheduler.class);

    private final FollowReplicaService follows;

    FollowHousekeepingScheduler(FollowReplicaService follows) {
        this.follows = follows;
    }

    @Scheduled(
            fixedDelayString = "${livedrop.catalog.follows.housekeeping-interval:60m}",
            initialDelayString = "${livedrop.catalog.follows.housekeeping-initial-delay:5m}")
    void purge() {
        try {
            int purged = follows.purgeTombstones();
            if (purged > 0) {
                log.debug("Purged {} unfollow tombstones", purged);
            }
        } catch (RuntimeException e) {
            log.warn("Purging unfollow tombstones failed: {}", e.getMessage());
        }
    }
}
