package io.livedrop.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.livedrop.common.test.Reply;
import io.livedrop.payment.provider.GuardedPaymentProvider;
import io.livedrop.payment.support.PaymentFixtures;
import io.livedrop.payment.support.PaymentServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A provider that does not answer: the time limiter gives up, the payment ends
 * {@code failed}/{@code provider_unavailable} and nothing is charged (then or later); repeated timeouts
 * open the circuit; too many calls at once are shed by the bulkhead.
 */
@PaymentServiceTest
class ProviderFaultTests {

    @Autowired
    PaymentFixtures fixtures;

    @Autowired
    GuardedPaymentProvider provider;

    @AfterEach
    void closeCircuit() {
        provider.circuitBreaker().reset();
    }

    @Test
    void aProviderThatDoesNotAnswerEndsProviderUnavailableAndChargesNothing() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 700);

        Reply timedOut = fixtures.pay(buyer, "slow", orderId, "tok_timeout");
        Reply retried = fixtures.pay(buyer, "slow", orderId, "tok_timeout");

        assertThat(timedOut.status()).isEqualTo(201);
        assertThat(timedOut.text("status")).isEqualTo("failed");
        assertThat(timedOut.text("failureCode")).isEqualTo("provider_unavailable");
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(fixtures.chargesOf(orderId)).isEmpty();
        assertThat(fixtures.eventsOf(orderId)).containsExactly("payment.failed");
        assertThat(fixtures.paymentEventPayloadsOf(orderId).getFirst())
                .contains("\"failureCode\":\"provider_unavailable\"");
        assertThat(fixtures.auditOf(timedOut.text("id"))).containsExactly("->processing", "processing>failed");

        // the order stays payable, and paying it charges exactly once
        Reply paid = fixtures.pay(buyer, "next", orderId, "tok_visa");
        assertThat(paid.text("status")).isEqualTo("succeeded");
        assertThat(fixtures.chargesOf(orderId)).containsExactly("captured");
    }

    @Test
    void repeatedTimeoutsOpenTheCircuitSoPaymentsFailFastWithoutReachingTheProvider() {
        CircuitBreaker breaker = provider.circuitBreaker();
        String buyer = fixtures.newUser();
        for (int i = 0; i < 10 && breaker.getState() != CircuitBreaker.State.OPEN; i++) {
            Reply reply = fixtures.pay(buyer, fixtures.payableOrder(buyer, 100), "tok_timeout");
            assertThat(reply.text("failureCode")).isEqualTo("provider_unavailable");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        String orderId = fixtures.payableOrder(buyer, 100);
        Reply shed = fixtures.pay(buyer, orderId, "tok_visa");

        assertThat(shed.text("status")).isEqualTo("failed");
        assertThat(shed.text("failureCode")).isEqualTo("provider_unavailable");
        assertThat(fixtures.chargesOf(orderId)).isEmpty();
        breaker.reset();
        assertThat(fixtures.pay(buyer, orderId, "tok_visa").text("status")).isEqualTo("succeeded");
    }

    @Test
    void callsBeyondTheBulkheadAreShed() throws Exception {
        String buyer = fixtures.newUser();
        int limit = provider.bulkhead().getBulkheadConfig().getMaxConcurrentCalls();
        List<CompletableFuture<Reply>> hanging = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            String orderId = fixtures.payableOrder(buyer, 100);
            hanging.add(CompletableFuture.supplyAsync(() -> fixtures.pay(buyer, orderId, "tok_timeout")));
        }
        await().atMost(PaymentFixtures.PATIENCE)
                .until(() -> provider.bulkhead().getMetrics().getAvailableConcurrentCalls() == 0);

        String orderId = fixtures.payableOrder(buyer, 100);
        Reply shed = fixtures.pay(buyer, orderId, "tok_visa");

        assertThat(shed.text("failureCode")).isEqualTo("provider_unavailable");
        assertThat(fixtures.chargesOf(orderId)).isEmpty();
        for (CompletableFuture<Reply> reply : hanging) {
            assertThat(reply.get().text("failureCode")).isEqualTo("provider_unavailable");
        }
    }
}
