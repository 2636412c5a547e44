package io.livedrop.catalog.room.domain;

import java.time.Duration;

/**
 * The arithmetic of the room's pace: how fast buyers were admitted recently, and how long a buyer
 * at a position in line can expect to wait.
 *
 * @param activeShoppers admitted buyers holding a slot at once, at most, per drop
 * @param rateWindow admissions are counted over this window
 * @param admissionTtl validity of an admission token: a slot turns over at the latest then
 */
public record AdmissionPace(int activeShoppers, Duration rateWindow, Duration admissionTtl) {

    /** Buyers admitted per second over the rate window, from the admissions counted in it. */
    public double ratePerSecond(long recentAdmissions) {
        return recentAdmissions * 1000.0 / Math.max(1, rateWindow.toMillis());
    }

    /**
     * The buyers ahead beyond the free slots, at the rate buyers were admitted recently (which is
     * the rate the order path freed slots). Before any admission in the window, the worst case is
     * assumed: every slot turns over only when its token expires.
     */
    public long estimatedWaitSeconds(long position, long holdingSlots, long recentAdmissions) {
        long free = Math.max(0, activeShoppers - holdingSlots);
        long ahead = position - free;
        if (ahead <= 0) {
            return 0;
        }
        double perSecond = recentAdmissions > 0
                ? recentAdmissions / seconds(rateWindow.toMillis())
                : activeShoppers / seconds(admissionTtl.toMillis());
        return (long) Math.ceil(ahead / perSecond);
    }

    private static double seconds(long millis) {
        return Math.max(1, millis) / 1000.0;
    }
}
