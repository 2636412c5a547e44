package io.livedrop.order.purchase.application;

import io.livedrop.common.peer.PeerProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param reservationTtl how long a placed order holds its stock unpaid ({@code reservedUntil})
 * @param inventory inventory-service (reserve, confirm, release, return)
 * @param payment payment-service (refunds)
 * @param expiryInterval how often unpaid orders past {@code reservedUntil} are expired
 * @param recoveryInterval how often the recovery job looks for orders with a saga step left
 * @param stepGrace how long a step started in-process may take before the recovery job takes over
 * @param retryInitial first wait after a step failed because a peer was unavailable (doubles each time)
 * @param retryMax longest wait between retries of a step
 * @param batchSize orders the expiry and recovery jobs take per round
 * @param lateHoldWindow how long after a reserve call that got no clear answer a hold may still appear
 *     at inventory (the saga keeps trying to release it until then)
 */
@Validated
@ConfigurationProperties("livedrop.order")
public record OrderProperties(
        @NotNull @DefaultValue("10m") Duration reservationTtl,
        @Valid @NotNull PeerProperties inventory,
        @Valid @NotNull PeerProperties payment,
        @NotNull @DefaultValue("1s") Duration expiryInterval,
        @NotNull @DefaultValue("5s") Duration recoveryInterval,
        @NotNull @DefaultValue("10s") Duration stepGrace,
        @NotNull @DefaultValue("1s") Duration retryInitial,
        @NotNull @DefaultValue("1m") Duration retryMax,
        @DefaultValue("100") int batchSize,
        @NotNull @DefaultValue("1m") Duration lateHoldWindow) {

    /**
     * The wait before retry number {@code attempt} (1-based) of a failed step. A function of the attempt
     * number the order row stores ({@code work_attempts}), not Spring's stateful {@code BackOffExecution}:
     * the next retry may run on another instance or after a restart, which only knows the count.
     */
    public Duration retryDelay(int attempt) {
        Duration delay = retryInitial.multipliedBy(1L << Math.min(attempt - 1, 16));
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}
