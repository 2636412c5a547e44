package io.livedrop.payment;

import static io.livedrop.payment.support.PaymentFixtures.assertCreated;
import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.Reply;
import io.livedrop.payment.support.OrderServiceStub;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** POST /api/payments with the simulated provider's test tokens, and GET /api/payments/{id}. */
class PaymentTests extends PaymentIntegrationTest {

    final OrderServiceStub orders = OrderServiceStub.shared();

    @AfterEach
    void orderServiceUp() {
        orders.up();
    }

    @Test
    void aVisaPaymentSucceedsAndIsAnnounced() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 2500);

        Reply reply = api.pay(buyer, orderId, "tok_visa");

        assertCreated(reply);
        assertThat(reply.json().propertyNames())
                .containsExactlyInAnyOrder(
                        "id", "orderId", "amountCents", "currency", "status", "failureCode", "createdAt");
        assertThat(reply.text("orderId")).isEqualTo(orderId);
        assertThat(reply.json().path("amountCents").asLong()).isEqualTo(2500);
        assertThat(reply.text("currency")).isEqualTo("EUR");
        assertThat(reply.text("status")).isEqualTo("succeeded");
        assertThat(reply.json().path("failureCode").isNull()).isTrue();
        assertThat(Instant.parse(reply.text("createdAt")))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(fixtures.chargesOf(orderId)).containsExactly("captured");
        assertThat(fixtures.eventsOf(orderId)).containsExactly("payment.succeeded");
        assertThat(fixtures.paymentEventPayloadsOf(orderId).getFirst())
                .contains("\"paymentId\":\"" + reply.text("id") + "\"")
                .contains("\"userId\":\"" + buyer + "\"")
                .contains("\"amountCents\":2500");
        assertThat(fixtures.auditOf(reply.text("id"))).containsExactly("->processing", "processing>succeeded");
    }

    @Test
    void aDeclinedCardFailsAndLeavesTheOrderPayable() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 900);

        Reply declined = api.pay(buyer, orderId, "tok_chargeDeclined");
        Reply poor = api.pay(buyer, orderId, "tok_insufficientFunds");
        Reply unknown = api.pay(buyer, orderId, "tok_unknown");
        Reply paid = api.pay(buyer, orderId, "tok_visa");

        assertCreated(declined);
        assertThat(declined.text("status")).isEqualTo("failed");
        assertThat(declined.text("failureCode")).isEqualTo("card_declined");
        assertThat(poor.text("status")).isEqualTo("failed");
        assertThat(poor.text("failureCode")).isEqualTo("insufficient_funds");
        assertThat(unknown.text("failureCode")).isEqualTo("card_declined");
        assertThat(paid.text("status")).isEqualTo("succeeded");
        assertThat(fixtures.eventsOf(orderId))
                .containsExactly("payment.failed", "payment.failed", "payment.failed", "payment.succeeded");
        assertThat(fixtures.paymentEventPayloadsOf(orderId).getFirst()).contains("\"failureCode\":\"card_declined\"");
        assertThat(fixtures.capturedChargesOf(orderId)).isEqualTo(1);
    }

    @Test
    void aPaidOrderIsNeverChargedASecondTime() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 1000);
        assertThat(api.pay(buyer, orderId, "tok_visa").text("status")).isEqualTo("succeeded");

        // order-service has not confirmed the order yet: it still says pending_payment
        Reply second = api.pay(buyer, orderId, "tok_visa");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(fixtures.capturedChargesOf(orderId)).isEqualTo(1);
    }

    @Test
    void onlyPendingOrdersWithinTheirReservationCanBePaid() {
        String buyer = fixtures.newUser();
        for (String status : List.of("confirmed", "cancelled", "expired")) {
            String orderId = fixtures.payableOrder(buyer, 100);
            orders.setStatus(orderId, status);
            Reply reply = api.pay(buyer, orderId, "tok_visa");
            assertThat(reply.status()).as(status).isEqualTo(409);
            assertThat(reply.code()).as(status).isEqualTo("ORDER_NOT_PAYABLE");
            assertThat(fixtures.chargesOf(orderId)).isEmpty();
        }
        String runOut = Ids.newId().toString();
        orders.put(new OrderServiceStub.StubOrder(
                runOut, buyer, "d", "pending_payment", 100, "EUR", Instant.now().minusSeconds(1)));
        assertThat(api.pay(buyer, runOut, "tok_visa").code()).isEqualTo("ORDER_NOT_PAYABLE");
    }

    @Test
    void someoneElsesOrUnknownOrdersAreNotFound() {
        String orderId = fixtures.payableOrder(fixtures.newUser(), 100);
        String stranger = fixtures.newUser();

        for (String id : List.of(orderId, Ids.newId().toString(), "../../actuator/health")) {
            Reply reply = api.pay(stranger, id, "tok_visa");
            assertThat(reply.status()).as(id).isEqualTo(404);
            assertThat(reply.code()).as(id).isEqualTo("ORDER_NOT_FOUND");
        }
        assertThat(fixtures.chargesOf(orderId)).isEmpty();
    }

    @Test
    void invalidBodiesAreValidationErrors() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);
        for (String body : List.of(
                "{\"orderId\":\"" + orderId + "\",\"paymentMethod\":{\"type\":\"paypal\",\"token\":\"tok_visa\"}}",
                "{\"orderId\":\"" + orderId + "\",\"paymentMethod\":{\"type\":\"card\"}}",
                "{\"orderId\":\"" + orderId + "\",\"paymentMethod\":{\"type\":\"card\",\"token\":\"\"}}",
                "{\"orderId\":\"" + orderId + "\"}",
                "{\"paymentMethod\":{\"type\":\"card\",\"token\":\"tok_visa\"}}",
                "{\"orderId\":\"" + orderId + "\",\"paymentMethod\":\"card\"}",
                "{\"orderId\":")) {
            Reply reply = api.post(
                    "/api/payments",
                    fixtures.token(buyer),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                    body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.code()).as(body).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(fixtures.chargesOf(orderId)).isEmpty();
    }

    @Test
    void orderServiceDownIsA503AndNothingIsCharged() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);
        orders.down();

        Reply reply = api.pay(buyer, "k-down", orderId, "tok_visa");
        orders.up();
        Reply retried = api.pay(buyer, "k-down", orderId, "tok_visa");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(fixtures.capturedChargesOf(orderId)).isEqualTo(1);
    }

    @Test
    void onlyThePayerSeesThePayment() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);
        String paymentId = api.pay(buyer, orderId, "tok_visa").text("id");

        Reply own = api.get("/api/payments/" + paymentId, fixtures.token(buyer));
        Reply stranger = api.get("/api/payments/" + paymentId, fixtures.token(fixtures.newUser()));
        Reply malformed = api.get("/api/payments/nope", fixtures.token(buyer));

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("status")).isEqualTo("succeeded");
        assertThat(own.text("orderId")).isEqualTo(orderId);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(malformed.status()).isEqualTo(404);
    }

    @Test
    void theApiDocsShowTheIdempotencyKeyHeader() {
        String docs = api.get("/v3/api-docs", null).body();

        assertThat(docs).containsPattern("\"name\":\"Idempotency-Key\",\"in\":\"header\"");
    }

    @Test
    void countsPaymentsByOutcome() {
        String buyer = fixtures.newUser();
        api.pay(buyer, fixtures.payableOrder(buyer, 100), "tok_chargeDeclined");

        String metrics = api.getText("/actuator/prometheus").body();

        assertThat(metrics)
                .containsPattern("livedrop_payments_total\\{[^}]*outcome=\"card_declined\"")
                .contains("resilience4j_circuitbreaker_state")
                .contains("resilience4j_bulkhead_available_concurrent_calls");
    }
}
