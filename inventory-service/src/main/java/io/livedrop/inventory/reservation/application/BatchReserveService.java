package io.livedrop.inventory.reservation.application;

import io.livedrop.inventory.reservation.domain.BatchDecisions;
import io.livedrop.inventory.reservation.domain.Reservation;
import io.livedrop.inventory.reservation.domain.ReserveCommand;
import io.livedrop.inventory.reservation.domain.ReserveOutcome;
import io.livedrop.inventory.reservation.persistence.HoldingRepository;
import io.livedrop.inventory.reservation.persistence.ReservationRepository;
import io.livedrop.inventory.stock.application.StockSignalService;
import io.livedrop.inventory.stock.domain.SaleState;
import io.livedrop.inventory.stock.domain.StockTaken;
import io.livedrop.inventory.stock.persistence.DropStockRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many reserves of one drop in one transaction, with the outcomes single reserves would have had in
 * their arrival order. Reads first (known reservation ids, the drop, the buyers' holdings), decides
 * every request in order in memory ({@link BatchDecisions}), then writes in the lock order of every
 * other writer (reservations, holdings sorted by user, the stock row last) with statements that
 * re-check what was decided: a multi-row insert of the new holds, one conditional holding upsert per
 * user and ONE conditional update of the stock row for the batch's total. When another transaction
 * changed what was read (another instance, a reschedule, a racing retry), a re-check fails and the
 * whole batch rolls back with {@link StaleBatchException}; the caller then reserves one by one. The
 * row lock of the drop is held from that one update to the commit, once per batch instead of once
 * per reserve.
 */
@Component
public class BatchReserveService {

    /** The order PostgreSQL sorts uuids in (their bytes, i.e. their lowercase text). */
    private static final Comparator<ReserveCommand> BY_RESERVATION_ID =
            Comparator.comparing(command -> command.reservationId().toString());

    private final ReservationRepository reservations;
    private final HoldingRepository holdings;
    private final DropStockRepository stock;
    private final StockSignalService signals;

    public BatchReserveService(
            ReservationRepository reservations,
            HoldingRepository holdings,
            DropStockRepository stock,
            StockSignalService signals) {
        this.reservations = reservations;
        this.holdings = holdings;
        this.stock = stock;
        this.signals = signals;
    }

    /** Thrown when a re-check found that the data read at the start of the batch changed. */
    public static final class StaleBatchException extends RuntimeException {

        StaleBatchException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param requests reserves of {@code dropId} in arrival order
     * @return their outcomes, in the same order; nothing is visible to anyone before the commit
     */
    @Transactional
    public List<ReserveOutcome> reserve(UUID dropId, List<ReserveCommand> requests) {
        Map<UUID, Reservation> known =
                reservations
                        .findAll(requests.stream()
                                .map(ReserveCommand::reservationId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(Reservation::reservationId, Function.identity()));
        Optional<SaleState> drop = stock.saleState(dropId);
        Map<String, Integer> held = drop.isPresent()
                ? holdings.quantities(
                        dropId, requests.stream().map(ReserveCommand::userId).toList())
                : Map.of();
        BatchDecisions decisions = new BatchDecisions(drop, held, known);
        requests.forEach(decisions::decide);
        List<ReserveCommand> taken = decisions.taken();
        Map<UUID, Reservation> inserted = Map.of();
        if (!taken.isEmpty()) {
            inserted = insertHolds(taken);
            addToHoldings(dropId, taken);
            takeStock(dropId, decisions);
        }
        return decisions.outcomes(inserted);
    }

    private Map<UUID, Reservation> insertHolds(List<ReserveCommand> taken) {
        List<ReserveCommand> sorted = taken.stream().sorted(BY_RESERVATION_ID).toList();
        Map<UUID, Reservation> inserted = reservations.insertHeld(sorted).stream()
                .collect(Collectors.toMap(Reservation::reservationId, Function.identity()));
        if (inserted.size() != sorted.size()) {
            throw new StaleBatchException("a reservation id of the batch was claimed meanwhile");
        }
        return inserted;
    }

    /** Per user (in one sorted order, like every other writer of several holdings) and within the limit. */
    private void addToHoldings(UUID dropId, List<ReserveCommand> taken) {
        SortedMap<String, Integer> byUser = new TreeMap<>();
        taken.forEach(hold -> byUser.merge(hold.userId(), hold.quantity(), Integer::sum));
        if (holdings.addAllWithinLimit(dropId, byUser) != byUser.size()) {
            throw new StaleBatchException("a buyer's holding changed meanwhile");
        }
    }

    /** The one conditional update of the drop row; the low-stock and sold-out announcements follow it. */
    private void takeStock(UUID dropId, BatchDecisions decisions) {
        int total = decisions.total();
        StockTaken left = stock.take(dropId, total)
                .orElseThrow(() -> new StaleBatchException("the drop's stock or window changed meanwhile"));
        signals.afterTakingInSteps(
                dropId,
                decisions.availableAfterEach(left.available()),
                left.lowStockThreshold(),
                left.lowStockSignalled(),
                left.soldOutSignalled());
    }
}
