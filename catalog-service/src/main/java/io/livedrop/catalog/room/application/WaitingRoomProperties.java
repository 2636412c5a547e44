package io.livedrop.catalog.room.application;

import io.livedrop.catalog.room.domain.AdmissionPace;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-drop virtual waiting room.
 *
 * @param opensBefore how long before {@code startsAt} joining the line becomes possible
 * @param activeShoppers admitted buyers whose token is still valid and unused, at most, per drop: a
 *     slot frees when the buyer's order is placed or the token expires, so admission follows the
 *     pace at which the order path completes orders
 * @param admissionTtl validity of an admission token
 * @param admissionInterval pause between two admission passes of one instance ({@link AdmissionScheduler})
 * @param updateInterval at most one {@code queue.updated} round per drop this often (all instances)
 * @param rateWindow admissions are counted over this window for {@code estimatedWaitSeconds}
 * @param positionUpdates position updates of one round cover the first this many tickets in line;
 *     the ones behind read their position with {@code GET /queue/me}
 * @param retention the room's Redis keys live this long after the drop ends
 * @param admissionEnabled whether this instance runs the admission loop (any number may)
 */
@ConfigurationProperties("livedrop.catalog.waiting-room")
public record WaitingRoomProperties(
        @DefaultValue("15m") Duration opensBefore,
        @DefaultValue("50") int activeShoppers,
        @DefaultValue("2m") Duration admissionTtl,
        @DefaultValue("250ms") Duration admissionInterval,
        @DefaultValue("1s") Duration updateInterval,
        @DefaultValue("10s") Duration rateWindow,
        @DefaultValue("1000") int positionUpdates,
        @DefaultValue("1h") Duration retention,
        @DefaultValue("true") boolean admissionEnabled) {

    public AdmissionPace pace() {
        return new AdmissionPace(activeShoppers, rateWindow, admissionTtl);
    }
}
