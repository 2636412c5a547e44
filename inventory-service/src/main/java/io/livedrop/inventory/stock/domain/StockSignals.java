package io.livedrop.inventory.stock.domain;

import io.livedrop.common.events.SoldOut;
import io.livedrop.common.events.StockLow;
import io.livedrop.common.outbox.Outbox;
import io.livedrop.inventory.stock.persistence.DropStockRepository;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Announces {@code sold_out} and {@code stock.low} (rules in {@link StockSignal}) inside the
 * transaction that took the stock, after that transaction's update locked the drop's row: the flags
 * and the outbox row commit with the reservation, so an announcement is never lost nor repeated.
 */
@Component
public class StockSignals {

    private final DropStockRepository stock;
    private final Outbox outbox;

    public StockSignals(DropStockRepository stock, Outbox outbox) {
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
        StockSignal signal = StockSignal.afterTaking(available, lowStockThreshold, lowStockSignalled, soldOutSignalled);
        if (!signal.changesFlags(lowStockSignalled, soldOutSignalled)) {
            return;
        }
        stock.recordSignals(dropId, signal.lowStockSignalled(), signal.soldOutSignalled());
        String key = dropId.toString();
        if (signal.announceSoldOut()) {
            outbox.publish(SoldOut.TOPIC, key, new SoldOut(key));
        }
        if (signal.announceLow()) {
            outbox.publish(StockLow.TOPIC, key, new StockLow(key, available, lowStockThreshold));
        }
    }
}
