package io.livedrop.inventory.reservation.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The reaper's pass ({@link HoldExpiryService}) every {@code reaperInterval}, on every instance (holds
 * are claimed with {@code skip locked}, so passes of several instances never collide). A failed pass
 * (database briefly away) is logged and the next one runs on time.
 */
@Component
class HoldExpiryScheduler {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiryScheduler.class);

    private final HoldExpiryService holdExpiry;

    HoldExpiryScheduler(HoldExpiryService holdExpiry) {
        this.holdExpiry = holdExpiry;
    }

    @Scheduled(fixedDelayString = "${livedrop.inventory.reaper-interval:5s}")
    void releaseExpiredHolds() {
        try {
            holdExpiry.releaseExpiredHolds();
        } catch (RuntimeException e) {
            log.warn("expired hold reaper pass failed: {}", e.getMessage());
        }
    }
}
