package io.livedrop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.inventory.stock.application.LiveStockGauge;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What operators see on /actuator/prometheus. */
class InventoryMetricsTests extends InventoryIntegrationTest {

    @Autowired
    LiveStockGauge liveStock;

    @Test
    void reservationsAreCountedByOutcomeAndTimed() {
        UUID dropId = drops.live(1, 1, null);
        api.reserve(dropId, "user-1", 1);
        api.reserve(dropId, "user-2", 1);
        api.reserve(dropId, "user-1", 1);

        String metrics = prometheus();

        assertThat(metrics)
                .contains("livedrop_inventory_reservations_total{application=\"inventory-service\",outcome=\"held\"}")
                .contains("outcome=\"sold_out\"")
                .contains("outcome=\"limit\"")
                .contains("outcome=\"not_live\"")
                .contains("livedrop_inventory_reserve_seconds_count")
                .contains("livedrop_inventory_reserve_seconds_bucket");
    }

    @Test
    void availableStockIsReportedForLiveDropsOnly() {
        UUID live = drops.live(7);
        api.reserve(live, "user-1", 2);
        UUID upcoming = UUID.randomUUID();
        Instant now = Instant.now();
        schedules.schedule(TestDrops.scheduled(upcoming, 9, 1, null, now.plusSeconds(600), now.plusSeconds(900)), now);

        liveStock.refresh();
        String metrics = prometheus();

        assertThat(metrics).containsPattern("livedrop_inventory_available\\{[^}]*dropId=\"" + live + "\"[^}]*} 5.0");
        assertThat(metrics).doesNotContain(upcoming.toString());
    }

    private String prometheus() {
        return api.text("/actuator/prometheus");
    }
}
