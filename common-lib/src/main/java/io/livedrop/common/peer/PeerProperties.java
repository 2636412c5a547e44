package io.livedrop.common.peer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where another service is and how long we wait for it.
 *
 * @param url base URL of the service
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long to wait for the answer
 * @param circuitBreaker when to stop calling it for a while
 */
public record PeerProperties(
        @NotBlank String url,
        @NotNull @DefaultValue("1s") Duration connectTimeout,
        @NotNull @DefaultValue("2s") Duration readTimeout,
        @Valid @NotNull @DefaultValue CircuitBreakerProperties circuitBreaker) {

    /**
     * @param failureRateThreshold percentage of failed calls (errors, timeouts) that opens the circuit
     * @param slidingWindowSize calls the failure rate is computed over
     * @param minimumCalls calls needed before the rate counts
     * @param waitInOpenState how long an open circuit answers at once without calling
     * @param permittedCallsInHalfOpenState trial calls after that wait
     */
    public record CircuitBreakerProperties(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumCalls,
            @NotNull @DefaultValue("5s") Duration waitInOpenState,
            @DefaultValue("3") int permittedCallsInHalfOpenState) {}
}
