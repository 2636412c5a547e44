package io.livedrop.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.inventory.reservation.application.SingleRowReserver;
import io.livedrop.inventory.reservation.domain.Reserver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** {@link ReservationLifecycleTests} against the single-row reserver (the others run against the default, batching). */
@TestPropertySource(properties = "livedrop.inventory.reserver=single-row")
class ReservationLifecycleSingleRowTests extends ReservationLifecycleTests {

    @Autowired
    Reserver reserver;

    @Test
    void theSingleRowReserverIsOnTheHotPath() {
        assertThat(reserver).isInstanceOf(SingleRowReserver.class);
    }
}
