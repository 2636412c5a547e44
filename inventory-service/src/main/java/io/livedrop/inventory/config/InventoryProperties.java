package io.livedrop.inventory.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tuning of inventory-service (env vars in application.yml).
 *
 * @param holdGrace how long after its {@code expiresAt} an unconfirmed hold is left alone before the
 *     reaper returns it to stock; order-service owns the expiry decision and normally releases first
 * @param reaperInterval how often the reaper looks for expired holds
 * @param reaperBatchSize holds released per reaper transaction
 * @param stockChangedInterval the shortest gap between two {@code stock.changed} events of one drop
 * @param liveGaugeRefresh how often the available-stock gauge of live drops is refreshed
 * @param liveGaugeMaxDrops the most live drops the gauge reports (bounds metric cardinality)
 */
@Validated
@ConfigurationProperties("livedrop.inventory")
public record InventoryProperties(
        @NotNull @DefaultValue("30s") Duration holdGrace,
        @NotNull @DefaultValue("5s") Duration reaperInterval,
        @Min(1) @Max(10_000) @DefaultValue("200") int reaperBatchSize,
        @NotNull @DefaultValue("250ms") Duration stockChangedInterval,
        @NotNull @DefaultValue("10s") Duration liveGaugeRefresh,
        @Min(0) @Max(10_000) @DefaultValue("100") int liveGaugeMaxDrops) {}
