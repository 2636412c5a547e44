package io.livedrop.payment.config;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.livedrop.common.client.InternalRestClients;
import io.livedrop.common.idempotency.IdempotencyConfiguration;
import io.livedrop.common.peer.PeerCalls;
import io.livedrop.common.peer.PeerConfiguration;
import io.livedrop.common.peer.PeerProperties;
import io.livedrop.payment.billing.application.PaymentProperties;
import io.livedrop.payment.order.client.OrderApi;
import io.livedrop.payment.order.client.OrderClient;
import io.livedrop.payment.provider.client.GuardedPaymentProvider;
import io.livedrop.payment.provider.client.ProviderProperties;
import io.livedrop.payment.provider.client.SimulatedCardProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/** The guarded payment provider, the order-service client, and the recovery job's scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({PaymentProperties.class, ProviderProperties.class})
@Import({IdempotencyConfiguration.class, PeerConfiguration.class})
class PaymentConfiguration {

    static final String PROVIDER = "payment-provider";
    static final String ORDER = "order";

    /** Provider calls run on virtual threads, so the time limiter can abandon (interrupt) a hanging one. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService providerCalls() {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("provider-call-", 0).factory());
    }

    /**
     * The one {@link PaymentProvider} bean: the simulated card provider of API.md behind the guards. A
     * real provider would be another adapter wrapped the same way.
     */
    @Bean
    GuardedPaymentProvider paymentProvider(
            JdbcClient jdbc,
            ProviderProperties properties,
            CircuitBreakerRegistry circuitBreakers,
            ExecutorService providerCalls,
            MeterRegistry meters) {
        BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
        TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.ofDefaults();
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(meters);
        Bulkhead bulkhead = bulkheads.bulkhead(
                PROVIDER,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(properties.maxConcurrentCalls())
                        .maxWaitDuration(Duration.ZERO)
                        .build());
        TimeLimiter timeLimiter = timeLimiters.timeLimiter(
                PROVIDER,
                TimeLimiterConfig.custom()
                        .timeoutDuration(properties.timeout())
                        .cancelRunningFuture(true)
                        .build());
        var circuitBreaker = circuitBreakers.circuitBreaker(
                PROVIDER,
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(properties.failureRateThreshold())
                        .slidingWindowSize(properties.slidingWindowSize())
                        .minimumNumberOfCalls(properties.minimumCalls())
                        .waitDurationInOpenState(properties.waitInOpenState())
                        .build());
        var simulated = new SimulatedCardProvider(
                jdbc, properties.simulatedHang(), properties.simulatedLateCapture(), properties.simulatedRefundDelay());
        return new GuardedPaymentProvider(simulated, bulkhead, circuitBreaker, timeLimiter, providerCalls);
    }

    @Bean
    OrderClient orderClient(
            InternalRestClients clients,
            CircuitBreakerRegistry circuitBreakers,
            PaymentProperties properties,
            JsonMapper json) {
        PeerProperties peer = properties.order();
        OrderApi api = clients.createClient(OrderApi.class, peer.url(), peer.connectTimeout(), peer.readTimeout());
        return new OrderClient(api, PeerCalls.withCircuitBreaker(ORDER, peer, circuitBreakers, json));
    }
}
