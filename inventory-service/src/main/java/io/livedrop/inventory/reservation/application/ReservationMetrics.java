package io.livedrop.inventory.reservation.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.inventory.reservation.domain.ReservationStatus;
import io.livedrop.inventory.reservation.domain.ReserveResult;
import io.livedrop.inventory.reservation.domain.ReservingPausedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * {@code livedrop_inventory_reservations_total{outcome}} (held, replayed, sold_out, limit, not_live,
 * not_found, unavailable, error), the reserve latency {@code livedrop_inventory_reserve_seconds} and
 * {@code livedrop_inventory_transitions_total{to, by}} for confirm / release / return / expiry, and for
 * the batching reserver {@code livedrop_inventory_reserve_batch_size}, {@code
 * livedrop_inventory_reserve_batch_fallbacks_total} and {@code livedrop_inventory_reserve_busy_drops}.
 */
@Component
public class ReservationMetrics {

    private final MeterRegistry registry;
    private final Timer reserveLatency;

    public ReservationMetrics(MeterRegistry registry) {
        this.registry = registry;
        // registered up front so dashboards see every outcome at 0 before the first sale
        for (String outcome : java.util.List.of("held", "replayed", "sold_out", "limit", "not_live", "not_found")) {
            counter(outcome);
        }
        this.reserveLatency = Timer.builder("livedrop.inventory.reserve")
                .description("Time to take or refuse a hold, including the database transaction")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Runs a reserve, timing it and counting its outcome. */
    public ReserveResult timeReserve(Supplier<ReserveResult> reserve) {
        Timer.Sample sample = Timer.start(registry);
        try {
            ReserveResult result = reserve.get();
            count(result.created() ? "held" : "replayed");
            return result;
        } catch (ApiException refused) {
            count(
                    switch (refused.code()) {
                        case SOLD_OUT -> "sold_out";
                        case PER_USER_LIMIT_EXCEEDED -> "limit";
                        case DROP_NOT_LIVE -> "not_live";
                        case DROP_NOT_FOUND -> "not_found";
                        default -> "refused";
                    });
            throw refused;
        } catch (CannotCreateTransactionException | ReservingPausedException overloaded) {
            count("unavailable");
            throw overloaded;
        } catch (RuntimeException failed) {
            count("error");
            throw failed;
        } finally {
            sample.stop(reserveLatency);
        }
    }

    /** A batch of the {@link BatchingReserver}: how many reserves shared one transaction. */
    public void batched(int size) {
        DistributionSummary.builder("livedrop.inventory.reserve.batch.size")
                .description("Reserves of one drop handled in one transaction by the batching reserver")
                .register(registry)
                .record(size);
    }

    /** Drops with reserves queued or being batched right now (each has one drainer thread). */
    public void watchBusyDrops(java.util.function.IntSupplier busyDrops) {
        Gauge.builder("livedrop.inventory.reserve.busy.drops", busyDrops::getAsInt)
                .description("Drops whose reserves are queued or being batched right now")
                .register(registry);
    }

    /** A batch that failed as a whole and was reserved one by one. */
    public void batchFellBack(int size) {
        Counter.builder("livedrop.inventory.reserve.batch.fallbacks")
                .description("Reserves retried one by one because their batch failed as a whole")
                .register(registry)
                .increment(size);
    }

    public void transitioned(ReservationStatus to, String by) {
        Counter.builder("livedrop.inventory.transitions")
                .description("Reservations confirmed, released or returned, by the caller or the reaper")
                .tag("to", to.value())
                .tag("by", by)
                .register(registry)
                .increment();
    }

    private void count(String outcome) {
        counter(outcome).increment();
    }

    private Counter counter(String outcome) {
        return Counter.builder("livedrop.inventory.reservations")
                .description("Reserve requests by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
