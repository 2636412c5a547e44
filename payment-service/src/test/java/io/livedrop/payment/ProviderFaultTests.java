package io.livedrop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.livedrop.common.test.Reply;
import io.livedrop.payment.provider.client.GuardedPaymentProvider;
import io.livedrop.payment.support.PaymentFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A provider that does not answer: the time limiter gives up, the payment stays {@code processing}
 * (503, the order cannot be paid twice) and ends {@code failed}/{@code provider_unavailable} once the
 * provider still has no charge after its late-capture window (a late capture: {@link LateCaptureTests});
 * repeated timeouts open the circuit; too many calls at once are shed by the bulkhead — calls that were
 * never sent fail at once.
 */
class ProviderFaultTests extends PaymentIntegrationTest {

    @Autowired
    GuardedPaymentProvider provider;

    @AfterEach
    void closeCircuit() {
        provider.circuitBreaker().reset();
    }

    @Test
    void aChargeTheProviderNeverAnswersStaysProcessingThenFailsAfterItsLateCaptureWindow() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 700);

        Reply timedOut = api.pay(buyer, "slow", orderId, "tok_timeout");
        Reply meanwhile = api.pay(buyer, "meanwhile", orderId, "tok_visa");

        assertThat(timedOut.status()).as(timedOut.toString()).isEqualTo(503);
        assertThat(timedOut.code()).isEqualTo("SERVICE_UNAVAILABLE");
        String paymentId = fixtures.paymentIdsOf(orderId).getFirst();
        // the provider might still capture it: the order is not payable a second time meanwhile
        assertThat(meanwhile.code()).isEqualTo("ORDER_NOT_PAYABLE");
        await().atMost(PaymentFixtures.PATIENCE).until(() -> fixtures.statusOf(paymentId), "failed"::equals);

        assertThat(fixtures.chargesOf(orderId)).isEmpty();
        assertThat(fixtures.eventsOf(orderId)).containsExactly("payment.failed");
        assertThat(fixtures.paymentEventPayloadsOf(orderId).getFirst())
                .contains("\"failureCode\":\"provider_unavailable\"");
        assertThat(fixtures.auditOf(paymentId)).containsExactly("->processing", "processing>failed");
        // a retry with the key gets the outcome, then replays it
        Reply outcome = api.pay(buyer, "slow", orderId, "tok_timeout");
        Reply replayed = api.pay(buyer, "slow", orderId, "tok_timeout");
        assertThat(outcome.status()).isEqualTo(201);
        assertThat(outcome.text("id")).isEqualTo(paymentId);
        assertThat(outcome.text("status")).isEqualTo("failed");
        assertThat(outcome.text("failureCode")).isEqualTo("provider_unavailable");
        assertThat(replayed.body()).isEqualTo(outcome.body());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");

        // the order is payable again, and paying it charges exactly once
        Reply paid = api.pay(buyer, "next", orderId, "tok_visa");
        assertThat(paid.text("status")).isEqualTo("succeeded");
        assertThat(fixtures.chargesOf(orderId)).containsExactly("captured");
    }

    @Test
    void repeatedTimeoutsOpenTheCircuitSoPaymentsFailFastWithoutReachingTheProvider() {
        CircuitBreaker breaker = provider.circuitBreaker();
        String buyer = fixtures.newUser();
        for (int i = 0; i < 10 && breaker.getState() != CircuitBreaker.State.OPEN; i++) {
            Reply reply = api.pay(buyer, fixtures.payableOrder(buyer, 100), "tok_timeout");
            if (reply.status() == 503) {
                assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE"); // timed out: kept processing
            } else {
                // the recovery job's lookups of earlier timeouts count too: the circuit opened just now
                assertThat(reply.text("failureCode")).as(reply.toString()).isEqualTo("provider_unavailable");
            }
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        String orderId = fixtures.payableOrder(buyer, 100);
        Reply shed = api.pay(buyer, orderId, "tok_visa");

        // never sent, so surely not charged: failed at once, and the order stays payable
        assertThat(shed.status()).isEqualTo(201);
        assertThat(shed.text("status")).isEqualTo("failed");
        assertThat(shed.text("failureCode")).isEqualTo("provider_unavailable");
        assertThat(fixtures.chargesOf(orderId)).isEmpty();
        breaker.reset();
        assertThat(api.pay(buyer, orderId, "tok_visa").text("status")).isEqualTo("succeeded");
    }

    @Test
    void callsBeyondTheBulkheadAreShed() throws Exception {
        // the recovery job's provider lookups of earlier timeouts would take bulkhead slots too
        await().atMost(PaymentFixtures.PATIENCE).until(() -> fixtures.unsettledChargeCount() == 0);
        String buyer = fixtures.newUser();
        int limit = provider.bulkhead().getBulkheadConfig().getMaxConcurrentCalls();
        List<CompletableFuture<Reply>> hanging = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            String orderId = fixtures.payableOrder(buyer, 100);
            hanging.add(CompletableFuture.supplyAsync(() -> api.pay(buyer, orderId, "tok_timeout")));
        }
        await().atMost(PaymentFixtures.PATIENCE)
                .until(() -> provider.bulkhead().getMetrics().getAvailableConcurrentCalls() == 0);

        String orderId = fixtures.payableOrder(buyer, 100);
        Reply shed = api.pay(buyer, orderId, "tok_visa");

        assertThat(shed.status()).isEqualTo(201);
        assertThat(shed.text("failureCode")).isEqualTo("provider_unavailable");
        assertThat(fixtures.chargesOf(orderId)).isEmpty();
        for (CompletableFuture<Reply> reply : hanging) {
            assertThat(reply.get().code()).isEqualTo("SERVICE_UNAVAILABLE");
        }
    }
}
