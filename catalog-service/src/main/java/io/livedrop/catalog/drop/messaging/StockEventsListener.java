package io.livedrop.catalog.drop.messaging;

import io.livedrop.catalog.drop.application.DropService;
import io.livedrop.common.events.SoldOut;
import io.livedrop.common.events.StockChanged;
import io.livedrop.common.messaging.IdempotentEventHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code available} and {@code soldOut} of drops, from inventory's reports. Deduplicated by event id,
 * and a report older than the last applied one is ignored.
 */
@Component
public class StockEventsListener {

    private final IdempotentEventHandler handler;
    private final DropService drops;

    StockEventsListener(IdempotentEventHandler handler, DropService drops) {
        this.handler = handler;
        this.drops = drops;
    }

    @KafkaListener(id = "catalog-stock-changed", topics = StockChanged.TOPIC)
    public void onStockChanged(String json) {
        handler.handle(
                "catalog-stock-changed",
                json,
                StockChanged.class,
                event ->
                        drops.stockReported(event.data().dropId(), event.data().available(), event.time(), event.id()));
    }

    @KafkaListener(id = "catalog-sold-out", topics = SoldOut.TOPIC)
    public void onSoldOut(String json) {
        handler.handle(
                "catalog-sold-out",
                json,
                SoldOut.class,
                event -> drops.stockReported(event.data().dropId(), 0, event.time(), event.id()));
    }
}
