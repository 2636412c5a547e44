package io.livedrop.common.peer;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breakers of a service's peer calls ({@link PeerCalls#withCircuitBreaker}), with their
 * metrics. Not an auto-configuration: services that call peers through {@link PeerCalls} {@code @Import}
 * it (and bring {@code resilience4j-circuitbreaker} and {@code resilience4j-micrometer}).
 */
@Configuration(proxyBeanMethods = false)
public class PeerConfiguration {

    @Bean
    CircuitBreakerRegistry circuitBreakers(MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }
}
