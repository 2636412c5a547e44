package io.livedrop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.test.Reply;
import io.livedrop.payment.support.OrderServiceStub;
import io.livedrop.payment.support.PaymentFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A charge request the provider did not answer in time may still be captured on the provider's side
 * ({@code tok_timeout_then_capture} captures 3 s after the request, after the 1 s time limiter gave
 * up). The payment stays {@code processing} — the order cannot be paid a second time meanwhile — and
 * is settled from the provider's record: captured → {@code succeeded}, or refunded when the order no
 * longer wants it.
 */
class LateCaptureTests extends PaymentIntegrationTest {

    static final String LATE = "tok_timeout_then_capture";

    final OrderServiceStub orders = OrderServiceStub.shared();

    @Test
    void aTimedOutChargeStaysProcessingAndSucceedsWhenTheProviderCapturesItLate() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 1500);

        Reply timedOut = api.pay(buyer, "late", orderId, LATE);
        Reply secondPayment = api.pay(buyer, "second", orderId, "tok_visa");

        assertThat(timedOut.status()).as(timedOut.toString()).isEqualTo(503);
        assertThat(timedOut.code()).isEqualTo("SERVICE_UNAVAILABLE");
        String paymentId = fixtures.paymentIdsOf(orderId).getFirst();
        // the order is being paid: a second payment is refused before the provider is asked
        assertThat(secondPayment.status()).as(secondPayment.toString()).isEqualTo(409);
        assertThat(secondPayment.code()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(fixtures.paymentIdsOf(orderId)).containsExactly(paymentId);

        assertThat(settledStatusOf(paymentId)).isEqualTo("succeeded");

        assertThat(fixtures.capturedChargesOf(orderId)).isEqualTo(1);
        assertThat(fixtures.eventsOf(orderId)).containsExactly("payment.succeeded");
        assertThat(fixtures.auditOf(paymentId)).containsExactly("->processing", "processing>succeeded");
        // the buyer's retry with the same key gets the payment's outcome, stored from then on
        Reply resumed = api.pay(buyer, "late", orderId, LATE);
        Reply replayed = api.pay(buyer, "late", orderId, LATE);
        assertThat(resumed.status()).isEqualTo(201);
        assertThat(resumed.text("id")).isEqualTo(paymentId);
        assertThat(resumed.text("status")).isEqualTo("succeeded");
        assertThat(replayed.body()).isEqualTo(resumed.body());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(fixtures.capturedChargesOf(orderId)).isEqualTo(1);
    }

    @Test
    void aLateCaptureForAnOrderThatExpiredMeanwhileIsRefunded() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 1500);

        Reply timedOut = api.pay(buyer, "late", orderId, LATE);
        orders.setStatus(orderId, "expired");

        assertThat(timedOut.status()).isEqualTo(503);
        String paymentId = fixtures.paymentIdsOf(orderId).getFirst();
        assertThat(settledStatusOf(paymentId)).isEqualTo("refunded");
        assertRefundedWithoutAnnouncement(orderId, paymentId);
    }

    @Test
    void aLateCaptureForAnOrderThatWasPaidAnotherWayIsRefunded() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 1500);

        Reply timedOut = api.pay(buyer, "late", orderId, LATE);
        orders.setStatus(orderId, "confirmed");

        assertThat(timedOut.status()).isEqualTo(503);
        String paymentId = fixtures.paymentIdsOf(orderId).getFirst();
        assertThat(settledStatusOf(paymentId)).isEqualTo("refunded");
        assertRefundedWithoutAnnouncement(orderId, paymentId);
        Reply resumed = api.pay(buyer, "late", orderId, LATE);
        assertThat(resumed.status()).isEqualTo(201);
        assertThat(resumed.text("status")).isEqualTo("refunded");
    }

    /** The payment's status once it is neither processing nor being refunded. */
    private String settledStatusOf(String paymentId) {
        return await().atMost(PaymentFixtures.PATIENCE)
                .until(
                        () -> fixtures.statusOf(paymentId),
                        status -> !List.of("processing", "refunding").contains(status));
    }

    private void assertRefundedWithoutAnnouncement(String orderId, String paymentId) {
        assertThat(fixtures.capturedChargesOf(orderId)).isEqualTo(1);
        assertThat(fixtures.refundedChargesOf(orderId)).isEqualTo(1);
        // the order never took this payment: nothing to announce, the audit log tells the story
        assertThat(fixtures.eventsOf(orderId)).isEmpty();
        assertThat(fixtures.auditOf(paymentId))
                .containsExactly("->processing", "processing>succeeded", "succeeded>refunding", "refunding>refunded");
    }
}
