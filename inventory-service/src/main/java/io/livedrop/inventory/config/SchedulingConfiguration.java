package io.livedrop.inventory.config;

import io.livedrop.inventory.reservation.application.HoldExpiryService;
import io.livedrop.inventory.reservation.application.ReservationProperties;
import io.livedrop.inventory.stock.application.LiveStockGauge;
import io.livedrop.inventory.stock.application.StockChangedService;
import io.livedrop.inventory.stock.application.StockProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The periodic work of every instance; all of it is safe to run on several instances at once.
 * The coalescing publisher polls at half its interval: the interval itself is enforced per drop in
 * the database, polling faster only keeps the delay of a {@code stock.changed} below 1.5 intervals.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    private final ReservationProperties reservations;
    private final StockProperties stock;
    private final HoldExpiryService reaper;
    private final StockChangedService stockChanged;
    private final LiveStockGauge liveStock;

    SchedulingConfiguration(
            ReservationProperties reservations,
            StockProperties stock,
            HoldExpiryService reaper,
            StockChangedService stockChanged,
            LiveStockGauge liveStock) {
        this.reservations = reservations;
        this.stock = stock;
        this.reaper = reaper;
        this.stockChanged = stockChanged;
        this.liveStock = liveStock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(
                safely("expired hold reaper", reaper::releaseExpiredHolds), reservations.reaperInterval());
        tasks.addFixedDelayTask(
                safely("stock.changed publisher", stockChanged::publishDue),
                stock.stockChangedInterval().dividedBy(2));
        tasks.addFixedDelayTask(safely("live stock gauge", liveStock::refresh), stock.liveGaugeRefresh());
    }

    /** A failed pass (database briefly away) is logged and the next one runs on time. */
    private static Runnable safely(String name, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} pass failed: {}", name, e.getMessage());
            }
        };
    }
}
