package io.livedrop.inventory.reservation.application;

import io.livedrop.inventory.reservation.domain.Reservation;
import io.livedrop.inventory.reservation.domain.ReservationStatus;
import io.livedrop.inventory.reservation.persistence.HoldingRepository;
import io.livedrop.inventory.reservation.persistence.ReservationRepository;
import io.livedrop.inventory.stock.persistence.DropStockRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Returns holds that were neither confirmed nor released to stock once {@code expiresAt + holdGrace}
 * has passed. order-service decides expiry (its order expires at {@code reservedUntil} and it releases
 * the hold); the grace period lets it act first, and the reaper only cleans up after a caller that
 * never came back.
 *
 * <p>Safe with several instances and against a racing confirm: holds are claimed with {@code for
 * update skip locked} and moved {@code held -> released} in the same statement, so a hold being
 * confirmed right now is skipped, and a hold the reaper took is no longer {@code held} for the
 * confirm (which then answers {@code RESERVATION_NOT_ACTIVE}).
 */
@Component
public class HoldExpiryService {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiryService.class);
    /** PostgreSQL orders uuids by their bytes, i.e. like their lowercase text; UUID.compareTo is signed. */
    private static final Comparator<UUID> DATABASE_ORDER = Comparator.comparing(UUID::toString);

    private final ReservationRepository reservations;
    private final HoldingRepository holdings;
    private final DropStockRepository stock;
    private final TransactionTemplate transactions;
    private final ReservationMetrics metrics;
    private final ReservationProperties properties;

    public HoldExpiryService(
            ReservationRepository reservations,
            HoldingRepository holdings,
            DropStockRepository stock,
            TransactionTemplate transactions,
            ReservationMetrics metrics,
            ReservationProperties properties) {
        this.reservations = reservations;
        this.holdings = holdings;
        this.stock = stock;
        this.transactions = transactions;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** Releases every hold that is due, one batch per transaction; returns how many. */
    public int releaseExpiredHolds() {
        int total = 0;
        int released;
        do {
            released = transactions.execute(status -> releaseBatch());
            total += released;
        } while (released == properties.reaperBatchSize());
        if (total > 0) {
            log.info("Released {} expired holds", total);
        }
        return total;
    }

    private int releaseBatch() {
        List<Reservation> released = reservations.releaseExpired(properties.holdGrace(), properties.reaperBatchSize());
        // rows of several holds are locked in one sorted order (the coalescing publisher uses the same
        // order for drop rows), so two reapers or a reaper and the publisher never deadlock
        Map<Holding, Integer> byHolding = released.stream()
                .collect(Collectors.groupingBy(
                        r -> new Holding(r.dropId(), r.userId()),
                        () -> new TreeMap<>(Holding.ORDER),
                        Collectors.summingInt(Reservation::quantity)));
        byHolding.forEach((holding, quantity) -> holdings.giveBack(holding.dropId(), holding.userId(), quantity));
        Map<UUID, Integer> byDrop = released.stream()
                .collect(Collectors.groupingBy(
                        Reservation::dropId,
                        () -> new TreeMap<>(DATABASE_ORDER),
                        Collectors.summingInt(Reservation::quantity)));
        byDrop.forEach(stock::releaseReserved);
        released.forEach(r -> metrics.transitioned(ReservationStatus.RELEASED, ReservationService.REAPER));
        return released.size();
    }

    private record Holding(UUID dropId, String userId) {
        static final Comparator<Holding> ORDER =
                Comparator.comparing(Holding::dropId, DATABASE_ORDER).thenComparing(Holding::userId);
    }
}
