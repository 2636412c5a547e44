package io.livedrop.inventory.stock.application;

import io.livedrop.inventory.stock.persistence.DropStockRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code livedrop_inventory_available{dropId}} for live drops only: refreshed from the database (the
 * same value on every instance), rows of drops that are no longer live are removed, and at most
 * {@code liveGaugeMaxDrops} drops are reported, so the metric's cardinality stays bounded.
 */
@Component
public class LiveStockGauge {

    private final DropStockRepository stock;
    private final StockProperties properties;
    private final MultiGauge available;

    public LiveStockGauge(DropStockRepository stock, StockProperties properties, MeterRegistry registry) {
        this.stock = stock;
        this.properties = properties;
        this.available = MultiGauge.builder("livedrop.inventory.available")
                .description("Units on sale now, per live drop")
                .register(registry);
    }

    public void refresh() {
        List<MultiGauge.Row<?>> rows = stock.live(properties.liveGaugeMaxDrops()).stream()
                .<MultiGauge.Row<?>>map(drop -> MultiGauge.Row.of(
                        Tags.of("dropId", drop.dropId().toString()),
                        drop.levels().available()))
                .toList();
        available.register(rows, true);
    }
}
