package io.livedrop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.idempotency.IdempotencyKey;
import io.livedrop.common.idempotency.IdempotentRequest;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.IdempotencyRecords;
import io.livedrop.common.test.Reply;
import io.livedrop.payment.support.OrderServiceStub;
import io.livedrop.payment.support.PaymentFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The Idempotency-Key semantics of API.md on POST /api/payments: never a second charge. */
class PaymentIdempotencyTests extends PaymentIntegrationTest {

    @Test
    void aMissingOrMalformedKeyIsRejected() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);

        Reply missing =
                api.post("/api/payments", fixtures.token(buyer), Map.of(), PaymentApi.body(orderId, "tok_visa"));
        Reply missingWithBadBody = api.post("/api/payments", fixtures.token(buyer), Map.of(), "{}");
        Reply tooLong = api.pay(buyer, "k".repeat(256), orderId, "tok_visa");
        Reply withSpace = api.pay(buyer, "a key", orderId, "tok_visa");

        assertThat(List.of(missing, missingWithBadBody, tooLong, withSpace)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        });
        assertThat(fixtures.chargesOf(orderId)).isEmpty();
    }

    @Test
    void aRetryReplaysThePaymentWithoutChargingAgain() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 1200);

        Reply first = api.pay(buyer, "pay-once", orderId, "tok_visa");
        Reply again = api.pay(buyer, "pay-once", orderId, "tok_visa");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(fixtures.chargesOf(orderId)).containsExactly("captured");
        assertThat(fixtures.eventsOf(orderId)).containsExactly("payment.succeeded");
    }

    @Test
    void aStoredRejectionIsReplayedEvenWhenTheOrderBecamePayable() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);
        OrderServiceStub.shared().setStatus(orderId, "expired");

        Reply rejected = api.pay(buyer, "k", orderId, "tok_visa");
        OrderServiceStub.shared().setStatus(orderId, "pending_payment");
        Reply replayed = api.pay(buyer, "k", orderId, "tok_visa");

        assertThat(rejected.status()).isEqualTo(409);
        assertThat(replayed.status()).isEqualTo(409);
        assertThat(replayed.code()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(replayed.body()).isEqualTo(rejected.body());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(fixtures.chargesOf(orderId)).isEmpty();
    }

    @Test
    void aStoredFailureIsReplayedNotRetried() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);

        Reply declined = api.pay(buyer, "declined", orderId, "tok_chargeDeclined");
        Reply replayed = api.pay(buyer, "declined", orderId, "tok_chargeDeclined");

        assertThat(replayed.body()).isEqualTo(declined.body());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(fixtures.chargesOf(orderId)).containsExactly("declined");
    }

    @Test
    void theSameKeyWithAnotherCardIsUnprocessable() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);
        api.pay(buyer, "card-key", orderId, "tok_chargeDeclined");

        Reply reused = api.pay(buyer, "card-key", orderId, "tok_visa");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(fixtures.capturedChargesOf(orderId)).isZero();
    }

    @Test
    void theSameKeyWhileTheFirstIsInFlightIsAConflict() throws Exception {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);
        int callsBefore = OrderServiceStub.shared().calls();

        // tok_timeout keeps the first request busy until the 1 s time limiter gives up
        CompletableFuture<Reply> first =
                CompletableFuture.supplyAsync(() -> api.pay(buyer, "busy", orderId, "tok_timeout"));
        org.awaitility.Awaitility.await()
                .atMost(PaymentFixtures.PATIENCE)
                .until(() -> OrderServiceStub.shared().calls() > callsBefore);
        Reply second = api.pay(buyer, "busy", orderId, "tok_timeout");
        Reply firstReply = first.get();
        Reply third = api.pay(buyer, "busy", orderId, "tok_timeout");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
        // the provider did not answer: not stored, and the key continues the same, still unsettled payment
        assertThat(firstReply.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(503);
        assertThat(third.header("Idempotent-Replayed")).isNull();
        assertThat(fixtures.paymentIdsOf(orderId)).hasSize(1);
    }

    @Test
    void keysAreScopedPerUser() {
        String alice = fixtures.newUser();
        String bob = fixtures.newUser();

        Reply alicePays = api.pay(alice, "same", fixtures.payableOrder(alice, 100), "tok_visa");
        Reply bobPays = api.pay(bob, "same", fixtures.payableOrder(bob, 100), "tok_visa");

        assertThat(alicePays.status()).isEqualTo(201);
        assertThat(bobPays.status()).isEqualTo(201);
        assertThat(bobPays.header("Idempotent-Replayed")).isNull();
    }

    @RepeatedTest(3)
    void theSamePayerRacingWithOneKeyIsChargedOnce() throws Exception {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);
        int racers = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> futures = new ArrayList<>();
        List<Reply> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.pay(buyer, "race", orderId, "tok_visa");
                }));
            }
            start.countDown();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
        }

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isIn(201, 409));
        Set<String> paymentIds = replies.stream()
                .filter(reply -> reply.status() == 201)
                .map(reply -> reply.text("id"))
                .collect(Collectors.toSet());
        assertThat(paymentIds).hasSize(1);
        assertThat(replies.stream().filter(reply -> reply.status() == 409))
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_IN_USE"));
        assertThat(fixtures.chargesOf(orderId)).containsExactly("captured");
    }

    @RepeatedTest(3)
    void doubleClicksWithDifferentKeysStillChargeOnce() throws Exception {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 100);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> futures = new ArrayList<>();
        List<Reply> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.pay(buyer, orderId, "tok_visa");
                }));
            }
            start.countDown();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
        }

        assertThat(replies.stream().filter(reply -> reply.status() == 201)).hasSize(1);
        assertThat(replies.stream().filter(reply -> reply.status() == 409))
                .hasSize(racers - 1)
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("ORDER_NOT_PAYABLE"));
        assertThat(fixtures.capturedChargesOf(orderId)).isEqualTo(1);
    }

    @Test
    void anAttemptAbandonedByACrashIsResumedWithTheSamePaymentAndCharge() {
        String buyer = fixtures.newUser();
        String orderId = fixtures.payableOrder(buyer, 300);
        UUID paymentId = Ids.newId();
        // the request died after recording the payment and charging the card, before answering
        fixtures.jdbc()
                .sql("""
                        insert into payment (id, order_id, user_id, amount_cents, currency, status, idempotency_key,
                                             work_due_at, created_at, updated_at)
                        values (:id, :order, :user, 300, 'EUR', 'processing', 'crashed', now() + interval '1 hour', now(), now())
                        """)
                .param("id", paymentId)
                .param("order", orderId)
                .param("user", buyer)
                .update();
        fixtures.jdbc().sql("""
                        insert into simulated_charge (idempotency_key, token, amount_cents, currency, outcome)
                        values (:key, 'tok_visa', 300, 'EUR', 'captured')
                        """).param("key", paymentId.toString()).update();
        insertInFlightRecord(
                buyer, "crashed", orderId, "tok_visa", paymentId, Instant.now().minusSeconds(1));

        Reply resumed = api.pay(buyer, "crashed", orderId, "tok_visa");

        assertThat(resumed.status()).isEqualTo(201);
        assertThat(resumed.text("id")).isEqualTo(paymentId.toString());
        assertThat(resumed.text("status")).isEqualTo("succeeded");
        assertThat(fixtures.chargesOf(orderId)).containsExactly("captured");
    }

    private void insertInFlightRecord(
            String user, String key, String orderId, String token, UUID operationId, Instant leaseUntil) {
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("type", "card");
        method.put("token", token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("paymentMethod", method);
        var request = IdempotentRequest.of(user, new IdempotencyKey(key), "POST", "/api/payments", body, json);
        IdempotencyRecords.insertInFlight(fixtures.jdbc(), request, operationId, leaseUntil);
    }
}
