package io.livedrop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.ids.Ids;
import io.livedrop.common.security.Scopes;
import io.livedrop.common.test.Reply;
import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.payment.provider.client.GuardedPaymentProvider;
import io.livedrop.payment.support.PaymentFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * POST /internal/payments/refunds (docs/INTERNAL-API.md): idempotent, service token only; a claimed
 * refund is finished even when the provider fails or the process dies after the claim.
 */
class RefundTests extends PaymentIntegrationTest {

    @Autowired
    GuardedPaymentProvider provider;

    @Test
    void refundsTheOrdersSucceededPaymentOnce() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 4200);
        String paymentId = api.pay(buyer, orderId, "tok_visa").text("id");

        Reply refund = api.refund(orderId);
        Reply again = api.refund(orderId);

        assertThat(refund.status()).isEqualTo(200);
        assertThat(refund.json().propertyNames())
                .containsExactlyInAnyOrder("paymentId", "orderId", "amountCents", "currency", "status");
        assertThat(refund.text("paymentId")).isEqualTo(paymentId);
        assertThat(refund.json().path("amountCents").asLong()).isEqualTo(4200);
        assertThat(refund.text("status")).isEqualTo("refunded");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(refund.body());
        assertThat(fixtures.auditOf(paymentId))
                .containsExactly("->processing", "processing>succeeded", "succeeded>refunding", "refunding>refunded");
        assertThat(refundedAtOf(paymentId)).isEqualTo(1);
        assertThat(api.get("/api/payments/" + paymentId, fixtures.token(buyer)).text("status"))
                .isEqualTo("refunded");
    }

    @RepeatedTest(3)
    void concurrentRefundsRefundOnce() throws Exception {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);
        String paymentId = api.pay(buyer, orderId, "tok_visa").text("id");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.refund(orderId);
                }));
            }
            start.countDown();
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
                assertThat(reply.get().text("status")).isEqualTo("refunded");
            }
        }
        assertThat(fixtures.auditOf(paymentId))
                .endsWith("succeeded>refunding", "refunding>refunded")
                .containsOnlyOnce("succeeded>refunding", "refunding>refunded");
        assertThat(refundedAtOf(paymentId)).isEqualTo(1);
    }

    @Test
    void aRefundClaimedBeforeACrashIsResumedByTheRecoveryJob() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 300);
        String paymentId = api.pay(buyer, orderId, "tok_visa").text("id");
        // the process died after claiming the refund, before the provider was asked; the claim ran out
        fixtures.jdbc()
                .sql(
                        "update payment set status = 'refunding', work_due_at = now() - interval '1 second' where id = :id")
                .param("id", UUID.fromString(paymentId))
                .update();

        await().atMost(PaymentFixtures.PATIENCE).until(() -> statusOf(paymentId).equals("refunded"));

        assertThat(refundedAtOf(paymentId)).isEqualTo(1);
        assertThat(fixtures.auditOf(paymentId))
                .containsExactly("->processing", "processing>succeeded", "succeeded>refunding", "refunding>refunded");
        Reply again = api.refund(orderId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("refunded");
    }

    @Test
    void aRetriedRefundRequestFinishesAClaimedRefund() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 300);
        String paymentId = api.pay(buyer, orderId, "tok_visa").text("id");
        // claimed by a request that died; its deadline has not passed yet, and order-service retries
        fixtures.jdbc()
                .sql("update payment set status = 'refunding', work_due_at = now() + interval '1 hour' where id = :id")
                .param("id", UUID.fromString(paymentId))
                .update();

        Reply retried = api.refund(orderId);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.text("status")).isEqualTo("refunded");
        assertThat(refundedAtOf(paymentId)).isEqualTo(1);
    }

    @Test
    void aRefundTheProviderCannotTakeNowIsAnswered503AndFinishedLater() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 300);
        String paymentId = api.pay(buyer, orderId, "tok_visa").text("id");
        provider.circuitBreaker().transitionToForcedOpenState();
        Reply refused;
        try {
            refused = api.refund(orderId);
            assertThat(statusOf(paymentId)).isEqualTo("refunding");
        } finally {
            provider.circuitBreaker().reset();
        }

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("SERVICE_UNAVAILABLE");
        // the refund is decided: the recovery job finishes it once the provider answers again
        await().atMost(PaymentFixtures.PATIENCE).until(() -> statusOf(paymentId).equals("refunded"));
        assertThat(refundedAtOf(paymentId)).isEqualTo(1);
    }

    @Test
    void anOrderWithoutASucceededPaymentHasNothingToRefund() {
        String buyer = fixtures.newUser();
        String declinedOrder = fixtures.payableOrder(buyer, 100);
        api.pay(buyer, declinedOrder, "tok_chargeDeclined");

        for (String orderId : List.of(declinedOrder, Ids.newId().toString())) {
            Reply reply = api.refund(orderId);
            assertThat(reply.status()).as(orderId).isEqualTo(404);
            assertThat(reply.code()).as(orderId).isEqualTo("PAYMENT_NOT_FOUND");
        }
    }

    @Test
    void aUserCannotRefund() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);
        api.pay(buyer, orderId, "tok_visa");

        Reply reply = api.post(
                "/internal/payments/refunds", fixtures.token(buyer), Map.of(), "{\"orderId\":\"" + orderId + "\"}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(api.refund(orderId).status()).isEqualTo(200);
    }

    /**
     * Only order-service may refund (scope internal:payments): payment-service's own token
     * (internal:orders) and a token for inventory are refused, and nothing is refunded.
     */
    @Test
    void onlyATokenWithThePaymentsScopeCanRefund() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);
        String paymentId = api.pay(buyer, orderId, "tok_visa").text("id");
        TestJwtIssuer tokens = TestJwtIssuer.shared();

        for (String token : List.of(
                tokens.serviceToken("payment-service"),
                tokens.serviceToken("order-service", Scopes.INTERNAL_INVENTORY),
                tokens.serviceToken("order-service", "internal"))) {
            Reply reply = api.post("/internal/payments/refunds", token, Map.of(), "{\"orderId\":\"" + orderId + "\"}");

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("FORBIDDEN");
        }
        assertThat(statusOf(paymentId)).isEqualTo("succeeded");

        Reply refund = api.post(
                "/internal/payments/refunds",
                tokens.serviceToken("order-service", Scopes.INTERNAL_PAYMENTS),
                Map.of(),
                "{\"orderId\":\"" + orderId + "\"}");
        assertThat(refund.status()).isEqualTo(200);
        assertThat(statusOf(paymentId)).isEqualTo("refunded");
    }

    private String statusOf(String paymentId) {
        return fixtures.jdbc()
                .sql("select status from payment where id = :id")
                .param("id", UUID.fromString(paymentId))
                .query(String.class)
                .single();
    }

    private long refundedAtOf(String paymentId) {
        return fixtures.jdbc()
                .sql("select count(*) from simulated_charge where idempotency_key = :key and refunded_at is not null")
                .param("key", paymentId)
                .query(Long.class)
                .single();
    }
}
