package io.livedrop.inventory.reservation.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.inventory.reservation.domain.Reservation;
import io.livedrop.inventory.reservation.domain.ReserveCommand;
import io.livedrop.inventory.reservation.domain.ReserveResult;
import io.livedrop.inventory.reservation.domain.Reserver;
import io.livedrop.inventory.reservation.persistence.HoldingRepository;
import io.livedrop.inventory.reservation.persistence.ReservationRepository;
import io.livedrop.inventory.stock.application.StockSignalService;
import io.livedrop.inventory.stock.domain.SaleState;
import io.livedrop.inventory.stock.domain.StockTaken;
import io.livedrop.inventory.stock.persistence.DropStockRepository;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves with one conditional update of the drop's single stock row. One transaction, three
 * statements on the way to a hold, in this order:
 *
 * <ol>
 *   <li>claim the reservation id ({@code on conflict do nothing}): a retry finds the existing hold;
 *   <li>add the quantity to what the user holds of the drop, only while it stays within the limit;
 *   <li>take the stock: {@code available >= :quantity} and the sale window, checked by the update
 *       itself, so concurrent buyers can never take more than there is.
 * </ol>
 *
 * <p>The stock row is the only row every buyer of a drop writes, so it is updated last: its lock is
 * held only from that update to the commit. A refused step rolls all of them back; only then a
 * read finds out why (unknown drop, not live, sold out, over the limit). That row lock is also what
 * caps one drop at a few thousand reservations a second: with {@code INVENTORY_RESERVER=batching}
 * the {@code BatchingReserver} takes many reserves per transaction and uses this class only for the
 * reserves of a batch that failed as a whole.
 */
@Component
public class SingleRowReserver implements Reserver {

    private final ReservationRepository reservations;
    private final HoldingRepository holdings;
    private final DropStockRepository stock;
    private final StockSignalService signals;

    public SingleRowReserver(
            ReservationRepository reservations,
            HoldingRepository holdings,
            DropStockRepository stock,
            StockSignalService signals) {
        this.reservations = reservations;
        this.holdings = holdings;
        this.stock = stock;
        this.signals = signals;
    }

    @Override
    @Transactional
    public ReserveResult reserve(ReserveCommand command) {
        Optional<Reservation> claimed = reservations.claim(command);
        if (claimed.isEmpty()) {
            return new ReserveResult(reservations.find(command.reservationId()).orElseThrow(), false);
        }
        if (!holdings.addWithinLimit(command.dropId(), command.userId(), command.quantity())) {
            throw refusal(command, ErrorCode.PER_USER_LIMIT_EXCEEDED);
        }
        StockTaken left = stock.take(command.dropId(), command.quantity())
                .orElseThrow(() -> refusal(command, ErrorCode.SOLD_OUT));
        signals.afterTaking(
                command.dropId(),
                left.available(),
                left.lowStockThreshold(),
                left.lowStockSignalled(),
                left.soldOutSignalled());
        return new ReserveResult(claimed.get(), true);
    }

    private ApiException refusal(ReserveCommand command, ErrorCode whenOnSale) {
        UUID dropId = command.dropId();
        Optional<SaleState> state = stock.saleState(dropId);
        if (state.isEmpty()) {
            return new ApiException(ErrorCode.DROP_NOT_FOUND, "No stock is known for drop " + dropId);
        }
        if (!state.get().live()) {
            return new ApiException(ErrorCode.DROP_NOT_LIVE, "Drop " + dropId + " is not on sale");
        }
        if (whenOnSale == ErrorCode.SOLD_OUT) {
            return new ApiException(
                    ErrorCode.SOLD_OUT,
                    "Only " + state.get().available() + " left, " + command.quantity() + " requested");
        }
        return new ApiException(
                ErrorCode.PER_USER_LIMIT_EXCEEDED,
                "At most the drop's per-user limit can be held or bought by one user");
    }
}
