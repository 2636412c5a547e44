package io.livedrop.inventory.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReservationStatusTests {

    @Test
    void everyStatusReadsBackFromItsDatabaseValue() {
        for (ReservationStatus status : ReservationStatus.values()) {
            assertThat(ReservationStatus.of(status.value())).isEqualTo(status);
        }
        assertThat(ReservationStatus.HELD.value()).isEqualTo("held");
        assertThat(ReservationStatus.RETURNED.value()).isEqualTo("returned");
    }

    @Test
    void anUnknownValueIsRejected() {
        assertThatThrownBy(() -> ReservationStatus.of("lost")).isInstanceOf(IllegalArgumentException.class);
    }
}
