package io.livedrop.catalog.room.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The waiting room's arithmetic and closing rules: no Spring, no Redis. */
class AdmissionPaceTests {

    /** 5 slots, admissions counted over 10 s, a token valid 2 min. */
    static final AdmissionPace PACE = new AdmissionPace(5, Duration.ofSeconds(10), Duration.ofMinutes(2));

    @Test
    void aBuyerWithAFreeSlotAheadWaitsNothing() {
        assertThat(PACE.estimatedWaitSeconds(1, 0, 0)).isZero();
        assertThat(PACE.estimatedWaitSeconds(5, 0, 0)).isZero();
        assertThat(PACE.estimatedWaitSeconds(2, 3, 7)).isZero();
    }

    @Test
    void theWaitIsTheBuyersBeyondTheFreeSlotsAtTheRecentRate() {
        // 20 admitted in the last 10 s: 2 per second; 4 slots held, 1 free, 9 ahead of position 10
        assertThat(PACE.estimatedWaitSeconds(10, 4, 20)).isEqualTo(5); // ceil(9 / 2)
        assertThat(PACE.estimatedWaitSeconds(10, 5, 20)).isEqualTo(5); // 10 ahead / 2
        assertThat(PACE.estimatedWaitSeconds(11, 5, 20)).isEqualTo(6); // ceil(11 / 2)
    }

    @Test
    void beforeAnyAdmissionEverySlotIsAssumedToTurnOverOnlyWhenItsTokenExpires() {
        // 5 slots per 120 s: one buyer per 24 s
        assertThat(PACE.estimatedWaitSeconds(6, 5, 0)).isEqualTo(144); // ceil(6 / (5 / 120))
        assertThat(PACE.estimatedWaitSeconds(1, 5, 0)).isEqualTo(24);
    }

    @Test
    void theRateIsPerSecondOverTheWindow() {
        assertThat(PACE.ratePerSecond(25)).isEqualTo(2.5);
        assertThat(PACE.ratePerSecond(0)).isZero();
        assertThat(new AdmissionPace(5, Duration.ZERO, Duration.ofMinutes(2)).ratePerSecond(3))
                .as("an empty window counts as one millisecond, not a division by zero")
                .isEqualTo(3000.0);
    }

    @Test
    void aRoomClosesSoldOutAsSoonAsItsDropSellsOutAndExpiredWhenItsDropEnds() {
        Instant starts = Instant.parse("2026-03-01T12:00:00Z");
        Instant ends = starts.plus(Duration.ofHours(1));
        RoomDrop selling = new RoomDrop(UUID.randomUUID(), starts, ends, true, 3);
        RoomDrop soldOut = new RoomDrop(UUID.randomUUID(), starts, ends, true, 0);

        assertThat(selling.closingStatus(starts)).isEmpty();
        assertThat(selling.closingStatus(ends.minusMillis(1))).isEmpty();
        assertThat(selling.closingStatus(ends)).contains(TicketStatus.EXPIRED);
        assertThat(soldOut.closingStatus(starts)).contains(TicketStatus.SOLD_OUT);
        assertThat(soldOut.closingStatus(ends.plusSeconds(60)))
                .as("sold out is final, also once the drop ended")
                .contains(TicketStatus.SOLD_OUT);
    }

    @Test
    void theLineOpensBeforeTheStartAndItsKeysOutliveTheEnd() {
        Instant starts = Instant.parse("2026-03-01T12:00:00Z");
        RoomDrop room = new RoomDrop(UUID.randomUUID(), starts, starts.plus(Duration.ofHours(1)), true, 3);

        assertThat(room.opensAt(Duration.ofMinutes(15))).isEqualTo(starts.minus(Duration.ofMinutes(15)));
        assertThat(room.keysExpireAt(Duration.ofHours(1))).isEqualTo(starts.plus(Duration.ofHours(2)));
    }
}
