package io.livedrop.gateway.resilience.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * One circuit breaker per downstream service, all with these settings.
 *
 * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
 * @param slidingWindowSize how many recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the failure rate counts at all
 * @param waitInOpenState how long an open breaker answers 503 without calling the service
 * @param permittedCallsInHalfOpenState trial calls after that, which close or reopen it
 */
@Validated
@ConfigurationProperties("livedrop.gateway.circuit-breaker")
public record CircuitBreakerProperties(
        @Min(1) @Max(100) float failureRateThreshold,
        @Min(1) int slidingWindowSize,
        @Min(1) int minimumNumberOfCalls,
        @NotNull Duration waitInOpenState,
        @Min(1) int permittedCallsInHalfOpenState) {}
