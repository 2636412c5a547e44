package io.livedrop.inventory.stock.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The periodic stock work of every instance; all of it is safe to run on several instances at once.
 * A failed pass (database briefly away) is logged and the next one runs on time.
 *
 * <p>The coalescing publisher ({@link StockChangedService}) polls at half its interval: the interval
 * itself is enforced per drop in the database, polling faster only keeps the delay of a {@code
 * stock.changed} below 1.5 intervals. (The half is computed from the same property, parsed as Spring
 * Boot binds it into {@link StockProperties}.)
 */
@Component
class StockScheduler {

    private static final Logger log = LoggerFactory.getLogger(StockScheduler.class);

    private final StockChangedService stockChanged;
    private final LiveStockGauge liveStock;

    StockScheduler(StockChangedService stockChanged, LiveStockGauge liveStock) {
        this.stockChanged = stockChanged;
        this.liveStock = liveStock;
    }

    @Scheduled(
            fixedDelayString = "#{T(org.springframework.boot.convert.DurationStyle)"
                    + ".detectAndParse('${livedrop.inventory.stock-changed-interval:250ms}').dividedBy(2L)}")
    void publishStockChanged() {
        try {
            stockChanged.publishDue();
        } catch (RuntimeException e) {
            log.warn("stock.changed publisher pass failed: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${livedrop.inventory.live-gauge-refresh:10s}")
    void refreshLiveStockGauge() {
        try {
            liveStock.refresh();
        } catch (RuntimeException e) {
            log.warn("live stock gauge pass failed: {}", e.getMessage());
        }
    }
}
