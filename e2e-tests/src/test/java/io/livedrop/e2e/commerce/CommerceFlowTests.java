package io.livedrop.e2e.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.e2e.support.ApiResponse;
import io.livedrop.e2e.support.Fleet;
import io.livedrop.e2e.support.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * Buying through the gateway against the whole fleet: order → payment → confirmation (and
 * {@code order.confirmed} on Kafka), declined cards, cancellations that put stock back, privacy of
 * orders, a crowd racing for the last units, and services stopped in the middle.
 */
class CommerceFlowTests {

    private final Fleet fleet = Fleet.shared();
    private final Commerce commerce = new Commerce();

    @Test
    void buyPayWithVisaAndTheOrderIsConfirmedAndAnnounced() {
        String dropId = commerce.liveDrop(10, 2, 4900);
        Users.User buyer = commerce.buyer();
        String orderId = commerce.placedOrder(buyer, dropId, 2);
        ApiResponse placed = commerce.order(buyer, orderId);
        assertThat(placed.body().path("totalCents").asLong()).isEqualTo(9800);
        assertThat(placed.text("currency")).isEqualTo("EUR");
        assertThat(placed.text("reservedUntil")).isNotNull();

        try (KafkaConsumer<String, String> confirmations = commerce.consumerOf("order.confirmed")) {
            ApiResponse payment = commerce.pay(buyer, orderId, "tok_visa");
            Instant paidAt = Instant.now();

            assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
            assertThat(payment.text("status")).isEqualTo("succeeded");
            assertThat(payment.body().path("amountCents").asLong()).isEqualTo(9800);
            commerce.awaitStatus(buyer, orderId, "confirmed");
            // API.md promises "within 1 s"; measured and reported here, never asserted (shared machine)
            System.out.println("order confirmed "
                    + Duration.between(paidAt, Instant.now()).toMillis() + " ms after the payment answered");
            ConsumerRecord<String, String> event = Commerce.awaitRecord(confirmations, orderId);
            assertThat(event.value()).contains("\"type\":\"order.confirmed\"").contains(buyer.id());
        }
        commerce.awaitAvailable(dropId, 8);
    }

    @Test
    void aDeclinedCardLeavesTheOrderPayable() {
        String dropId = commerce.liveDrop(5, 1, 1500);
        Users.User buyer = commerce.buyer();
        String orderId = commerce.placedOrder(buyer, dropId, 1);

        ApiResponse declined = commerce.pay(buyer, orderId, "tok_chargeDeclined");

        assertThat(declined.status()).isEqualTo(201);
        assertThat(declined.text("status")).isEqualTo("failed");
        assertThat(declined.text("failureCode")).isEqualTo("card_declined");
        assertThat(commerce.order(buyer, orderId).text("status")).isEqualTo("pending_payment");
        ApiResponse paid = commerce.pay(buyer, orderId, "tok_visa");
        assertThat(paid.text("status")).isEqualTo("succeeded");
        commerce.awaitStatus(buyer, orderId, "confirmed");
        assertThat(commerce.pay(buyer, orderId, "tok_visa").code()).isEqualTo("ORDER_NOT_PAYABLE");
    }

    @Test
    void cancellingPutsTheStockBackOnSale() {
        String dropId = commerce.liveDrop(5, 3, 1000);
        Users.User buyer = commerce.buyer();
        String pending = commerce.placedOrder(buyer, dropId, 2);
        commerce.awaitAvailable(dropId, 3);

        ApiResponse cancelled = commerce.api().put("/api/orders/" + pending + "/cancel", null, buyer.accessToken());

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        commerce.awaitAvailable(dropId, 5);

        String confirmed = commerce.placedOrder(buyer, dropId, 1);
        String paymentId = commerce.pay(buyer, confirmed, "tok_visa").text("id");
        commerce.awaitStatus(buyer, confirmed, "confirmed");
        ApiResponse refunded = commerce.api().put("/api/orders/" + confirmed + "/cancel", null, buyer.accessToken());
        assertThat(refunded.text("status")).isEqualTo("cancelled");
        commerce.awaitAvailable(dropId, 5);
        assertThat(commerce.api()
                        .get("/api/payments/" + paymentId, buyer.accessToken())
                        .text("status"))
                .isEqualTo("refunded");
        assertThat(commerce.api()
                        .put("/api/orders/" + confirmed + "/cancel", null, buyer.accessToken())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anotherUserCannotSeeCancelOrPayTheOrder() {
        String dropId = commerce.liveDrop(5, 1, 1000);
        Users.User buyer = commerce.buyer();
        Users.User stranger = commerce.buyer();
        String orderId = commerce.placedOrder(buyer, dropId, 1);
        String paymentId = commerce.pay(buyer, orderId, "tok_chargeDeclined").text("id");

        ApiResponse seen = commerce.order(stranger, orderId);
        ApiResponse cancelled = commerce.api().put("/api/orders/" + orderId + "/cancel", null, stranger.accessToken());
        ApiResponse paid = commerce.pay(stranger, orderId, "tok_visa");
        ApiResponse payment = commerce.api().get("/api/payments/" + paymentId, stranger.accessToken());
        ApiResponse list = commerce.api().get("/api/orders", stranger.accessToken());

        assertThat(seen.status()).isEqualTo(404);
        assertThat(seen.code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(cancelled.status()).isEqualTo(404);
        assertThat(paid.status()).isEqualTo(404);
        assertThat(payment.status()).isEqualTo(404);
        assertThat(list.body().path("items").size()).isZero();
        assertThat(commerce.order(buyer, orderId).text("status")).isEqualTo("pending_payment");
    }

    @Test
    void idempotencyKeysWorkThroughTheGateway() {
        String dropId = commerce.liveDrop(5, 2, 1000);
        Users.User buyer = commerce.buyer();
        commerce.placedOrder(buyer, dropId, 1); // the drop is known everywhere now

        ApiResponse missing =
                commerce.api().post("/api/orders", Map.of("dropId", dropId, "quantity", 1), buyer.accessToken());
        ApiResponse first = commerce.placeOrder(buyer, "e2e-key", dropId, 1);
        ApiResponse replayed = commerce.placeOrder(buyer, "e2e-key", dropId, 1);
        ApiResponse reused = commerce.placeOrder(buyer, "e2e-key", dropId, 2);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        assertThat(first.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.rawBody()).isEqualTo(first.rawBody());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void hundredsOfBuyersRaceForAHundredUnitsAndExactlyAHundredGetOne() throws Exception {
        int stock = 100;
        int buyers = 250;
        String dropId = commerce.liveDrop(stock, 1, 500);
        List<Users.User> crowd = new ArrayList<>();
        try (ExecutorService signUps = Executors.newFixedThreadPool(8)) {
            List<Future<Users.User>> registered = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                registered.add(signUps.submit(commerce::buyer));
            }
            for (Future<Users.User> user : registered) {
                crowd.add(user.get());
            }
        }
        // a buyer who races before order-service heard of the drop gets a 503 and retries with the same key
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> attempts = new ArrayList<>();
        try (ExecutorService race = Executors.newFixedThreadPool(32)) {
            for (Users.User buyer : crowd) {
                attempts.add(race.submit(() -> {
                    start.await();
                    return commerce.placeOrderRetrying(buyer, dropId, 1);
                }));
            }
            start.countDown();
            List<ApiResponse> answers = new ArrayList<>();
            for (Future<ApiResponse> attempt : attempts) {
                answers.add(attempt.get());
            }
            long won = answers.stream().filter(a -> a.status() == 201).count();
            long soldOut = answers.stream()
                    .filter(a -> a.status() == 409 && "SOLD_OUT".equals(a.code()))
                    .count();
            assertThat(won).as(summary(answers)).isEqualTo(stock);
            assertThat(soldOut).as(summary(answers)).isEqualTo(buyers - stock);
            assertThat(answers.stream().filter(a -> a.status() == 201))
                    .allSatisfy(a -> assertThat(a.text("status")).isEqualTo("pending_payment"));
        }
        commerce.awaitAvailable(dropId, 0);
    }

    @Test
    void inventoryDownAnswers503AndTheSameKeyWorksOnceItIsBack() {
        String dropId = commerce.liveDrop(5, 2, 1000);
        Users.User buyer = commerce.buyer();
        commerce.placedOrder(buyer, dropId, 1);
        commerce.awaitAvailable(dropId, 4);
        String key = UUID.randomUUID().toString();

        fleet.stop("inventory-service");
        ApiResponse down;
        Instant asked = Instant.now();
        try {
            down = commerce.placeOrder(buyer, key, dropId, 1);
            System.out.println("503 with inventory down after "
                    + Duration.between(asked, Instant.now()).toMillis() + " ms");
        } finally {
            fleet.start("inventory-service");
        }

        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(commerce.api()
                        .get("/api/orders", buyer.accessToken())
                        .body()
                        .path("items")
                        .size())
                .isEqualTo(1);
        assertThat(commerce.available(dropId)).isEqualTo(4);
        ApiResponse retried = commerce.placeOrder(buyer, key, dropId, 1);
        while (retried.status() == 503) {
            Commerce.sleep(500);
            retried = commerce.placeOrder(buyer, key, dropId, 1);
        }
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void orderServiceRestartedInTheMiddleOfTheSagaStillConfirmsTheOrder() {
        String dropId = commerce.liveDrop(5, 1, 1000);
        Users.User buyer = commerce.buyer();
        String orderId = commerce.placedOrder(buyer, dropId, 1);

        try (KafkaConsumer<String, String> confirmations = commerce.consumerOf("order.confirmed")) {
            // the payment succeeds while inventory cannot confirm the hold: the saga is stuck midway
            fleet.stop("inventory-service");
            try {
                ApiResponse paid = commerce.pay(buyer, orderId, "tok_visa");
                assertThat(paid.text("status")).isEqualTo("succeeded");
                Commerce.sleep(3000);
                assertThat(commerce.order(buyer, orderId).text("status")).isEqualTo("pending_payment");
                fleet.stop("order-service");
            } finally {
                fleet.start("inventory-service");
            }
            fleet.start("order-service");

            commerce.awaitStatus(buyer, orderId, "confirmed");
            assertThat(Commerce.awaitRecord(confirmations, orderId).value()).contains("order.confirmed");
        }
    }

    private static String summary(List<ApiResponse> answers) {
        Map<String, Long> byOutcome = new java.util.TreeMap<>();
        for (ApiResponse answer : answers) {
            byOutcome.merge(answer.status() + " " + answer.code(), 1L, Long::sum);
        }
        return byOutcome.toString();
    }
}
