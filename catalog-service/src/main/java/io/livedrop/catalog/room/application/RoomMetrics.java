package io.livedrop.catalog.room.application;

import io.livedrop.catalog.room.persistence.RoomRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * {@code livedrop_waiting_room_*}. The gauges are the rooms' shared state as this instance saw it on
 * its last admission pass (every instance reports the same values: take the max, not the sum); the
 * admissions counter counts what this instance admitted (sum it).
 */
public class RoomMetrics {

    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong rateMillis = new AtomicLong();
    private final Counter admissions;

    public RoomMetrics(MeterRegistry meters) {
        Gauge.builder("livedrop.waiting.room.waiting", waiting, AtomicLong::get)
                .description("TicketService waiting in line, over the open rooms")
                .register(meters);
        Gauge.builder("livedrop.waiting.room.admitted", admitted, AtomicLong::get)
                .description("Admitted buyers holding a slot (token valid, no order yet), over the open rooms")
                .register(meters);
        Gauge.builder("livedrop.waiting.room.admission.rate", rateMillis, value -> value.get() / 1000.0)
                .description("Buyers admitted per second over the rate window, over the open rooms")
                .register(meters);
        admissions = Counter.builder("livedrop.waiting.room.admissions")
                .description("Buyers this instance admitted")
                .register(meters);
    }

    /** Sums one admission pass over all rooms. */
    final class PassTotals {
        private long waitingTotal;
        private long admittedTotal;
        private final DoubleAdder rate = new DoubleAdder();

        void add(RoomRepository.Pass pass, double ratePerSecond) {
            waitingTotal += pass.waiting();
            admittedTotal += pass.holdingSlots();
            rate.add(ratePerSecond);
            admissions.increment(pass.admitted());
        }

        void publish() {
            waiting.set(waitingTotal);
            admitted.set(admittedTotal);
            rateMillis.set(Math.round(rate.sum() * 1000));
        }
    }

    PassTotals newPass() {
        return new PassTotals();
    }
}
