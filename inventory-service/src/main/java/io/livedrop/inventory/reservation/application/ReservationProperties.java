package io.livedrop.inventory.reservation.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tuning of reservations (env vars in application.yml; the stock side is {@code StockProperties}, under
 * the same prefix).
 *
 * @param holdGrace how long after its {@code expiresAt} an unconfirmed hold is left alone before the
 *     reaper returns it to stock; order-service owns the expiry decision and normally releases first
 * @param reaperInterval how often the reaper looks for expired holds
 * @param reaperBatchSize holds released per reaper transaction
 * @param reserver how reserves take stock: {@code batching} (many reserves of a drop per transaction)
 *     or {@code single-row} (one transaction per reserve)
 * @param reserveBatchSize the most reserves of one drop handled in one transaction ({@code batching})
 * @param reserveBatchMaxWait how long a reserve may wait for its batch to fill before it is handled
 *     with whatever has arrived ({@code batching}; 0 = never wait)
 * @param reserveTimeout how long a caller waits in the queue before it is withdrawn and answered 503;
 *     once its batch is running, it may wait one more {@code reserveTimeout} for the outcome ({@code
 *     batching})
 */
@Validated
@ConfigurationProperties("livedrop.inventory")
public record ReservationProperties(
        @NotNull @DefaultValue("30s") Duration holdGrace,
        @NotNull @DefaultValue("5s") Duration reaperInterval,
        @Min(1) @Max(10_000) @DefaultValue("200") int reaperBatchSize,
        @NotNull @DefaultValue("batching") ReserverKind reserver,
        @Min(1) @Max(10_000) @DefaultValue("256") int reserveBatchSize,
        @NotNull @DefaultValue("2ms") Duration reserveBatchMaxWait,
        @NotNull @DefaultValue("750ms") Duration reserveTimeout) {

    /** The {@code Reserver} strategies ({@code INVENTORY_RESERVER}). */
    public enum ReserverKind {
        BATCHING,
        SINGLE_ROW
    }
}
