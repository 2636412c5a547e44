package io.livedrop.inventory.stock.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tuning of stock announcements and metrics (env vars in application.yml; the reservation side is
 * {@code ReservationProperties}, under the same prefix).
 *
 * @param stockChangedInterval the shortest gap between two {@code stock.changed} events of one drop
 * @param liveGaugeRefresh how often the available-stock gauge of live drops is refreshed
 * @param liveGaugeMaxDrops the most live drops the gauge reports (bounds metric cardinality)
 */
@Validated
@ConfigurationProperties("livedrop.inventory")
public record StockProperties(
        @NotNull @DefaultValue("250ms") Duration stockChangedInterval,
        @NotNull @DefaultValue("10s") Duration liveGaugeRefresh,
        @Min(0) @Max(10_000) @DefaultValue("100") int liveGaugeMaxDrops) {}
