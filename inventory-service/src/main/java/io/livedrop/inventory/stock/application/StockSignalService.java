package io.livedrop.inventory.stock.application;

import io.livedrop.common.events.SoldOut;
import io.livedrop.common.events.StockLow;
import io.livedrop.common.outbox.Outbox;
import io.livedrop.inventory.stock.domain.StockAnnouncements;
import io.livedrop.inventory.stock.domain.StockSignal;
import io.livedrop.inventory.stock.persistence.DropStockRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Announces {@code sold_out} and {@code stock.low} (rules in {@link StockSignal}) inside the
 * transaction that took the stock, after that transaction's update locked the drop's row: the flags
 * and the outbox row commit with the reservation, so an announcement is never lost nor repeated.
 */
@Component
public class StockSignalService {

    private final DropStockRepository stock;
    private final Outbox outbox;

    public StockSignalService(DropStockRepository stock, Outbox outbox) {
        this.stock = stock;
        this.outbox = outbox;
    }

    /** Called with the drop's row as the reserving update left it (still locked by the caller). */
    public void afterTaking(
            UUID dropId,
            int available,
            Integer lowStockThreshold,
            boolean lowStockSignalled,
            boolean soldOutSignalled) {
        afterTakingInSteps(dropId, List.of(available), lowStockThreshold, lowStockSignalled, soldOutSignalled);
    }

    /**
     * Called once for several reserves that one update took together, with {@code available} after
     * each of them in their order (the last is the row as the update left it): the announcements are
     * those the reserves would have made one by one ({@link StockAnnouncements}).
     */
    public void afterTakingInSteps(
            UUID dropId,
            List<Integer> availableAfterEach,
            Integer lowStockThreshold,
            boolean lowStockSignalled,
            boolean soldOutSignalled) {
        String key = dropId.toString();
        StockAnnouncements announced = StockAnnouncements.afterTakingInSteps(
                key, availableAfterEach, lowStockThreshold, lowStockSignalled, soldOutSignalled);
        if (!announced.changesFlags(lowStockSignalled, soldOutSignalled)) {
            return;
        }
        stock.recordSignals(dropId, announced.lowStockSignalled(), announced.soldOutSignalled());
        for (Object event : announced.events()) {
            outbox.publish(event instanceof SoldOut ? SoldOut.TOPIC : StockLow.TOPIC, key, event);
        }
    }
}
