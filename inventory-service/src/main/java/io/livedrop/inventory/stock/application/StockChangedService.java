package io.livedrop.inventory.stock.application;

import io.livedrop.common.events.StockChanged;
import io.livedrop.common.outbox.Outbox;
import io.livedrop.inventory.stock.domain.CurrentLevels;
import io.livedrop.inventory.stock.persistence.DropStockRepository;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coalesced {@code stock.changed}: writers of stock only mark the drop dirty (in their own
 * transaction, so no change goes unannounced), and this publisher emits the latest counts of each
 * dirty drop at most once per {@code stockChangedInterval} — across all instances, because the gap is
 * checked against the drop's {@code stock_published_at} in the database. Clearing the mark and
 * writing the outbox row commit together.
 */
@Component
public class StockChangedService {

    /** Drops handled per pass; more are picked up by the next pass. */
    static final int BATCH = 500;

    private final DropStockRepository stock;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final StockProperties properties;

    public StockChangedService(
            DropStockRepository stock, Outbox outbox, TransactionTemplate transactions, StockProperties properties) {
        this.stock = stock;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** @return the number of events written */
    public int publishDue() {
        Integer published = transactions.execute(status -> {
            List<CurrentLevels> due = stock.takeDirty(properties.stockChangedInterval(), BATCH);
            for (CurrentLevels drop : due) {
                String key = drop.dropId().toString();
                var levels = drop.levels();
                outbox.publish(
                        StockChanged.TOPIC,
                        key,
                        new StockChanged(key, levels.available(), levels.reserved(), levels.sold()));
            }
            return due.size();
        });
        return published == null ? 0 : published;
    }
}
