package io.livedrop.payment.billing.application;

import io.livedrop.common.peer.PeerProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param order order-service (the order to pay: owner, amount, status)
 * @param recoveryInterval how often payments left {@code processing} by a dead request are finished
 * @param recoveryGrace how long after the idempotency lease the recovery job waits before it steps in
 * @param retryMax longest wait between recovery attempts while the provider is unavailable
 * @param batchSize payments the recovery job takes per round
 */
@Validated
@ConfigurationProperties("livedrop.payment")
public record PaymentProperties(
        @Valid @NotNull PeerProperties order,
        @NotNull @DefaultValue("5s") Duration recoveryInterval,
        @NotNull @DefaultValue("10s") Duration recoveryGrace,
        @NotNull @DefaultValue("1m") Duration retryMax,
        @DefaultValue("100") int batchSize) {}
