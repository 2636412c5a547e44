package io.livedrop.payment.provider.client;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How provider calls are guarded.
 *
 * @param timeout the time limiter: a call not answered by then counts as {@code provider_unavailable}
 * @param maxConcurrentCalls the bulkhead: calls beyond this many at once are refused at once
 * @param failureRateThreshold percentage of failed calls (timeouts, errors; not declines) that opens the
 *     circuit
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumCalls calls needed before the rate counts
 * @param waitInOpenState how long an open circuit refuses calls before trying again
 * @param lateCaptureWindow how long after a charge request that got no answer the provider may still
 *     capture it; a charge the provider does not know after this window never happened
 * @param simulatedHang how long the simulated provider's {@code tok_timeout} hangs
 * @param simulatedLateCapture how long after the request the simulated provider captures a {@code
 *     tok_timeout_then_capture} charge (below {@code lateCaptureWindow})
 * @param simulatedRefundDelay how long the simulated provider takes to refund (network and provider
 *     latency; for exercising slow refunds)
 */
@Validated
@ConfigurationProperties("livedrop.payment.provider")
public record ProviderProperties(
        @NotNull @DefaultValue("3s") Duration timeout,
        @Min(1) @DefaultValue("50") int maxConcurrentCalls,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumCalls,
        @NotNull @DefaultValue("10s") Duration waitInOpenState,
        @NotNull @DefaultValue("2m") Duration lateCaptureWindow,
        @NotNull @DefaultValue("30s") Duration simulatedHang,
        @NotNull @DefaultValue("5s") Duration simulatedLateCapture,
        @NotNull @DefaultValue("0s") Duration simulatedRefundDelay) {}
