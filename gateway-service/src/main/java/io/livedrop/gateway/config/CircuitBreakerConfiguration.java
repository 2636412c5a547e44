package io.livedrop.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.livedrop.gateway.resilience.application.CircuitBreakerProperties;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.PrematureCloseException;

/**
 * The circuit breakers behind each route's {@code CircuitBreaker=<service>} filter. A failure is a
 * call that did not get an answer: connection refused, connect or response timeout. Any answer the
 * service gives, 4xx or 5xx, passes through unchanged and counts as a success: a 404 or 409 is the
 * API working, and a service's own 503 already says what is wrong. When the breaker is open the
 * gateway answers 503 at once instead of piling requests onto a service that cannot take them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CircuitBreakerProperties.class)
class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> downstreamCircuitBreakers(CircuitBreakerProperties settings) {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(CircuitBreakerConfiguration::isDownstreamUnreachable)
                .build();
        return factory -> factory.configureDefault(id ->
                new Resilience4JConfigBuilder(id).circuitBreakerConfig(breaker).build());
    }

    /**
     * Connection refused or timed out, no response in time (the 504 of the routing filter wraps one of
     * these), or the connection dropped mid-answer; not errors the gateway raises for other reasons.
     */
    static boolean isDownstreamUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof TimeoutException
                    || t instanceof org.springframework.cloud.gateway.support.TimeoutException
                    || t instanceof PrematureCloseException) {
                return true;
            }
        }
        return false;
    }
}
