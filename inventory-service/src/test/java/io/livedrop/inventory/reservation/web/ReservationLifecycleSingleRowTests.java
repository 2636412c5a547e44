package io.livedrop.inventory.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.inventory.reservation.application.SingleRowReserver;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** {@link ReservationLifecycleTests} against the single-row reserver (the others run against the default, batching). */
@TestPropertySource(properties = "livedrop.inventory.reserver=single-row")
class ReservationLifecycleSingleRowTests extends ReservationLifecycleTests {

    @Test
    void theSingleRowReserverIsOnTheHotPath() {
        assertThat(reserver).isInstanceOf(SingleRowReserver.class);
    }
}
