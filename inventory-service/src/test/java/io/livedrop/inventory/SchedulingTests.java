package io.livedrop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.inventory.stock.application.StockProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** The periodic work runs at the intervals of the properties (the publisher at half its interval). */
class SchedulingTests extends InventoryIntegrationTest {

    @Autowired
    ScheduledTaskHolder scheduled;

    @Autowired
    StockProperties stockProperties;

    @Test
    void theReaperThePublisherAndTheGaugeRunAtTheirIntervals() {
        List<Duration> delays = scheduled.getScheduledTasks().stream()
                .map(task -> task.getTask())
                .filter(FixedDelayTask.class::isInstance)
                .map(task -> ((FixedDelayTask) task).getIntervalDuration())
                .toList();

        assertThat(delays)
                .contains(
                        reservationProperties.reaperInterval(),
                        stockProperties.stockChangedInterval().dividedBy(2),
                        stockProperties.liveGaugeRefresh());
    }
}
