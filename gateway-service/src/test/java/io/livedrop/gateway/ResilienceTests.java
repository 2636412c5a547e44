package io.livedrop.gateway;

import static io.livedrop.gateway.StubUpstreams.BREAKER_MIN_CALLS;
import static io.livedrop.gateway.StubUpstreams.NOTIFICATION_TIMEOUT_MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.livedrop.common.test.TestJwtIssuer;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;

/**
 * Downstream trouble becomes a clear problem+json answer: a stopped service 503, a slow one 504, and
 * after repeated failures an open circuit breaker answers 503 without calling the service at all.
 */
class ResilienceTests extends GatewayIntegrationTest {

    private final String token =
            TestJwtIssuer.shared().userToken(UUID.randomUUID().toString());

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @BeforeEach
    void client() {
        healEverything();
    }

    @AfterEach
    void healEverything() {
        StubUpstreams.PAYMENT.restart();
        // breakers are created by their first call through the gateway, with the gateway's settings
        for (String service : new String[] {"payment-service", "order-service", "notification-service"}) {
            breakers.getCircuitBreakerRegistry().find(service).ifPresent(CircuitBreaker::reset);
        }
    }

    @Test
    void stoppedServiceAnswersServiceUnavailable() {
        StubUpstreams.PAYMENT.stop();

        var reply = gateway.get("/api/payments/p1").bearer(token).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(reply.text("detail")).isEqualTo("The service behind this endpoint is unavailable");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        assertThat(reply.header("X-RateLimit-Remaining")).isNotBlank();
    }

    @Test
    void slowServiceAnswersGatewayTimeout() {
        var reply = gateway.get("/api/notifications")
                .bearer(token)
                .header(StubService.DELAY, Integer.toString(NOTIFICATION_TIMEOUT_MS * 4))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(504);
        assertThat(reply.code()).isEqualTo("GATEWAY_TIMEOUT");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        assertThat(breaker("notification-service").getMetrics().getNumberOfFailedCalls())
                .isEqualTo(1);
    }

    @Test
    void openBreakerAnswersAtOnceWithoutCallingTheService() {
        StubUpstreams.PAYMENT.stop();
        for (int i = 0; i < BREAKER_MIN_CALLS; i++) {
            assertThat(gateway.get("/api/payments/p1").bearer(token).send().status())
                    .isEqualTo(503);
        }
        assertThat(breaker("payment-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        // the service is back, but the breaker stays open for its wait time and does not call it
        StubUpstreams.PAYMENT.restart();
        int hitsBefore = StubUpstreams.PAYMENT.hits();
        var reply = gateway.get("/api/payments/p1").bearer(token).send();

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(reply.text("detail")).contains("circuit open");
        assertThat(StubUpstreams.PAYMENT.hits()).isEqualTo(hitsBefore);

        breaker("payment-service").transitionToHalfOpenState();
        assertThat(gateway.get("/api/payments/p1").bearer(token).send().status())
                .isEqualTo(200);
    }

    @Test
    void answersOfTheServiceNeverCountAsFailures() {
        for (String status : new String[] {"400", "404", "409", "422", "500", "503"}) {
            for (int i = 0; i < BREAKER_MIN_CALLS; i++) {
                var reply = gateway.get("/api/orders/o1")
                        .bearer(token)
                        .header(StubService.STATUS, status)
                        .send();
                assertThat(reply.status()).isEqualTo(Integer.parseInt(status));
                assertThat(reply.service()).isEqualTo("order-service");
            }
        }

        CircuitBreaker orders = breaker("order-service");
        assertThat(orders.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(orders.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void manyConcurrentCallsToOneServiceAllGetThrough() throws Exception {
        int calls = 80;
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var replies = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < calls; i++) {
                String user = TestJwtIssuer.shared().userToken(UUID.randomUUID().toString());
                replies.add(threads.submit(() -> {
                    start.await();
                    return gateway.get("/api/orders/o1")
                            .bearer(user)
                            .header(StubService.DELAY, "300")
                            .send()
                            .status();
                }));
            }
            start.countDown();
            for (var reply : replies) {
                assertThat(reply.get())
                        .as("no concurrency cap inside the gateway")
                        .isEqualTo(200);
            }
        }
    }

    private CircuitBreaker breaker(String service) {
        return breakers.getCircuitBreakerRegistry().find(service).orElseThrow();
    }
}
