package io.livedrop.inventory.config;

import io.livedrop.inventory.reservation.application.BatchReserveService;
import io.livedrop.inventory.reservation.application.BatchingReserver;
import io.livedrop.inventory.reservation.application.ReservationMetrics;
import io.livedrop.inventory.reservation.application.ReservationProperties;
import io.livedrop.inventory.reservation.application.SingleRowReserver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * {@code INVENTORY_RESERVER}: {@code batching} puts the {@link BatchingReserver} in front of the
 * {@link SingleRowReserver} (which it still uses for reserves a batch could not take);
 * {@code single-row} leaves the single-row reserver alone on the hot path.
 */
@Configuration(proxyBeanMethods = false)
class ReserverConfiguration {

    @Bean
    @Primary
    @ConditionalOnProperty(name = "livedrop.inventory.reserver", havingValue = "batching", matchIfMissing = true)
    BatchingReserver batchingReserver(
            BatchReserveService batches,
            SingleRowReserver singleRow,
            ReservationMetrics metrics,
            ReservationProperties properties) {
        return new BatchingReserver(batches, singleRow, metrics, properties);
    }
}
