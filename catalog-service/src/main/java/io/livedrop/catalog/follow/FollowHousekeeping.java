package io.livedrop.catalog.follow;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Purges unfollow tombstones once no redelivery can reach them any more (older than Kafka's
 * retention plus a margin): they only exist to win against an older, reordered follow event.
 */
@Component
class FollowHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FollowHousekeeping.class);
    private static final Duration TOMBSTONE_RETENTION = Duration.ofDays(8);

    private final FollowReplica replica;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    FollowHousekeeping(FollowReplica replica, Clock clock) {
        this.replica = replica;
        this.clock = clock;
    }

    void purge() {
        try {
            int purged = replica.purgeTombstonesOlderThan(clock.instant().minus(TOMBSTONE_RETENTION));
            if (purged > 0) {
                log.debug("Purged {} unfollow tombstones", purged);
            }
        } catch (RuntimeException e) {
            log.warn("Purging unfollow tombstones failed: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("follow-housekeeping").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::purge, 5, 60, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
