package io.livedrop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.ids.Ids;
import io.livedrop.payment.support.PaymentFixtures;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A request that died while its payment was {@code processing}: once its key's lease is over, the
 * recovery job asks the provider what became of the charge and finishes the payment accordingly —
 * without ever charging by itself.
 */
class PaymentRecoveryTests extends PaymentIntegrationTest {

    @Test
    void aChargeTheProviderCapturedBeforeTheCrashEndsSucceeded() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 500);
        UUID paymentId = processingPayment(orderId, buyer, "k1");
        capturedAtProvider(paymentId, 500);

        await().atMost(PaymentFixtures.PATIENCE).until(() -> status(paymentId).equals("succeeded"));

        assertThat(fixtures.eventsOf(orderId)).containsExactly("payment.succeeded");
        assertThat(fixtures.chargesOf(orderId)).containsExactly("captured");
        assertThat(fixtures.auditOf(paymentId.toString())).containsExactly("->processing", "processing>succeeded");
    }

    @Test
    void aChargeThatNeverReachedTheProviderEndsProviderUnavailableAndIsNotMade() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 500);
        UUID paymentId = processingPayment(orderId, buyer, "k2");

        await().atMost(PaymentFixtures.PATIENCE).until(() -> status(paymentId).equals("failed"));

        assertThat(fixtures.jdbc()
                        .sql("select failure_code from payment where id = :id")
                        .param("id", paymentId)
                        .query(String.class)
                        .single())
                .isEqualTo("provider_unavailable");
        assertThat(fixtures.chargesOf(orderId)).isEmpty();
        assertThat(fixtures.eventsOf(orderId)).containsExactly("payment.failed");
        // the order is payable again
        assertThat(api.pay(buyer, orderId, "tok_visa").text("status")).isEqualTo("succeeded");
    }

    @Test
    void aPaymentWhoseRequestIsStillRunningIsLeftAlone() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 500);
        UUID paymentId = processingPayment(orderId, buyer, "k3");
        fixtures.jdbc()
                .sql("""
                        insert into idempotency_record (scope, idempotency_key, fingerprint, operation_id, state,
                          lease_owner, lease_until, created_at, expires_at)
                        values (:scope, 'k3', 'f', :op, 'in_flight', :owner, now() + interval '1 minute', now(),
                                now() + interval '24 hours')
                        """)
                .param("scope", buyer)
                .param("op", paymentId)
                .param("owner", UUID.randomUUID())
                .update();

        await().atMost(PaymentFixtures.PATIENCE)
                .until(() -> fixtures.jdbc()
                        .sql("select work_due_at from payment where id = :id")
                        .param("id", paymentId)
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant()
                        .isAfter(Instant.now().plusSeconds(30)));
        assertThat(status(paymentId)).isEqualTo("processing");
    }

    private UUID processingPayment(String orderId, String buyer, String key) {
        UUID paymentId = Ids.newId();
        fixtures.jdbc()
                .sql("""
                        insert into payment (id, order_id, user_id, amount_cents, currency, status, idempotency_key,
                                             work_due_at, created_at, updated_at)
                        values (:id, :order, :user, 500, 'EUR', 'processing', :key, now(), now(), now())
                        """)
                .param("id", paymentId)
                .param("order", orderId)
                .param("user", buyer)
                .param("key", key)
                .update();
        return paymentId;
    }

    private void capturedAtProvider(UUID paymentId, long amount) {
        fixtures.jdbc()
                .sql("""
                        insert into simulated_charge (idempotency_key, token, amount_cents, currency, outcome)
                        values (:key, 'tok_visa', :amount, 'EUR', 'captured')
                        """)
                .param("key", paymentId.toString())
                .param("amount", amount)
                .update();
    }

    private String status(UUID paymentId) {
        return fixtures.jdbc()
                .sql("select status from payment where id = :id")
                .param("id", paymentId)
                .query(String.class)
                .single();
    }
}
