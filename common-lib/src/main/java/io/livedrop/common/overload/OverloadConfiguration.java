package io.livedrop.common.overload;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.livedrop.common.error.ServletProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Registers {@link ConcurrencyLimitFilter} for the endpoints a service lists in {@code
 * livedrop.overload.endpoints} (order-service: placing orders; payment-service: paying). Metrics:
 * {@code livedrop.overload.limit} (the current limit) and {@code livedrop.overload.shed} (requests
 * answered 503 at once). A service that lists none is never filtered.
 */
@AutoConfiguration(afterName = "io.livedrop.common.config.ServletWebConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OverloadProperties.class)
public class OverloadConfiguration {

    /** See {@link AdaptiveLimits} for why AIMD against a latency target. */
    @Bean
    AIMDLimit overloadLimit(OverloadProperties properties, MeterRegistry meters) {
        AIMDLimit limit = AdaptiveLimits.aimd(
                properties.initialLimit(), properties.minLimit(), properties.maxLimit(), properties.latencyTarget());
        Gauge.builder("livedrop.overload.limit", limit, AIMDLimit::getLimit)
                .description("Requests of the shed endpoints this instance lets run at once")
                .register(meters);
        return limit;
    }

    @Bean
    FilterRegistrationBean<ConcurrencyLimitFilter> concurrencyLimitFilter(
            OverloadProperties properties, AIMDLimit limit, ServletProblemWriter problems, MeterRegistry meters) {
        Limiter<Void> limiter =
                SimpleLimiter.newBuilder().named("livedrop").limit(limit).build();
        Counter shed = Counter.builder("livedrop.overload.shed")
                .description("Requests answered 503 at once because too many were in flight")
                .register(meters);
        var filter = new ConcurrencyLimitFilter(
                limiter,
                endpoints(properties),
                problems,
                shed,
                properties.retryAfter().toSeconds());
        var registration = new FilterRegistrationBean<>(filter);
        // after request ids, before the body limit, security and everything that costs
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    private static Set<String> endpoints(OverloadProperties properties) {
        Set<String> endpoints = new HashSet<>();
        for (String endpoint : properties.endpoints()) {
            String[] parts = endpoint.trim().split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "livedrop.overload.endpoints: expected \"METHOD /path\", got " + endpoint);
            }
            endpoints.add(parts[0].toUpperCase(Locale.ROOT) + " " + parts[1]);
        }
        return endpoints;
    }
}
