package io.livedrop.inventory.reservation.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.inventory.reservation.domain.Reservation;
import io.livedrop.inventory.reservation.domain.ReservationStatus;
import io.livedrop.inventory.reservation.persistence.HoldingRepository;
import io.livedrop.inventory.reservation.persistence.ReservationRepository;
import io.livedrop.inventory.stock.persistence.DropStockRepository;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a hold after the reserve: {@code held -> confirmed} (paid), {@code held -> released}
 * (by order-service, or by the reaper once expired) and {@code confirmed -> returned} (refunded).
 * Each transition is a conditional update of the reservation first, then of the stock, in one
 * transaction: a hold is confirmed or released, never both, and the counts move exactly once.
 * Repeating a transition that already happened answers the reservation as it is (idempotent).
 */
@Service
public class ReservationService {

    /** Who ended a hold, in {@code reservation.released_by} and in metrics. */
    static final String CALLER = "caller";

    static final String REAPER = "reaper";

    private final ReservationRepository reservations;
    private final HoldingRepository holdings;
    private final DropStockRepository stock;
    private final ReservationMetrics metrics;

    public ReservationService(
            ReservationRepository reservations,
            HoldingRepository holdings,
            DropStockRepository stock,
            ReservationMetrics metrics) {
        this.reservations = reservations;
        this.holdings = holdings;
        this.stock = stock;
        this.metrics = metrics;
    }

    /** Paid: the held units are sold. A hold already released (or returned) cannot be confirmed. */
    @Transactional
    public Reservation confirm(UUID reservationId) {
        return move(
                reservationId,
                ReservationStatus.HELD,
                ReservationStatus.CONFIRMED,
                null,
                reservation -> stock.sellReserved(reservation.dropId(), reservation.quantity()));
    }

    /** Not paid: the held units go back on sale. A confirmed hold cannot be released (return it). */
    @Transactional
    public Reservation release(UUID reservationId) {
        return move(reservationId, ReservationStatus.HELD, ReservationStatus.RELEASED, CALLER, reservation -> {
            holdings.giveBack(reservation.dropId(), reservation.userId(), reservation.quantity());
            stock.releaseReserved(reservation.dropId(), reservation.quantity());
        });
    }

    /** Refunded: the sold units go back on sale and the buyer's allowance comes back. */
    @Transactional
    public Reservation returnSold(UUID reservationId) {
        return move(reservationId, ReservationStatus.CONFIRMED, ReservationStatus.RETURNED, null, reservation -> {
            holdings.giveBack(reservation.dropId(), reservation.userId(), reservation.quantity());
            stock.returnSold(reservation.dropId(), reservation.quantity());
        });
    }

    /**
     * Moves the reservation from {@code from} to {@code to} and applies the stock change once, in the
     * caller's transaction; a repeat of a move already made answers the reservation unchanged.
     */
    private Reservation move(
            UUID reservationId,
            ReservationStatus from,
            ReservationStatus to,
            String releasedBy,
            Consumer<Reservation> stockChange) {
        Optional<Reservation> moved = reservations.transition(reservationId, from, to, releasedBy);
        if (moved.isEmpty()) {
            return alreadyIn(reservationId, to);
        }
        stockChange.accept(moved.get());
        metrics.transitioned(to, CALLER);
        return moved.get();
    }

    /** The transition did not apply: answer the repeat of one that did, refuse anything else. */
    private Reservation alreadyIn(UUID reservationId, ReservationStatus target) {
        Reservation current = reservations
                .find(reservationId)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.RESERVATION_NOT_FOUND, "Reservation " + reservationId + " does not exist"));
        if (current.status() == target) {
            return current;
        }
        throw new ApiException(
                ErrorCode.RESERVATION_NOT_ACTIVE,
                "Reservation " + reservationId + " is " + current.status().value() + " and cannot become "
                        + target.value());
    }
}
