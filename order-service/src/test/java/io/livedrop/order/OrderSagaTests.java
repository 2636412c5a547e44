package io.livedrop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.Reply;
import io.livedrop.common.test.TestKafka;
import io.livedrop.order.purchase.domain.HoldState;
import io.livedrop.order.purchase.domain.OrderStatus;
import io.livedrop.order.purchase.domain.PaymentState;
import io.livedrop.order.support.InventoryStub;
import io.livedrop.order.support.OrderFixtures;
import io.livedrop.order.support.PaymentStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The order saga: payment → confirm → {@code confirmed}; unpaid → {@code expired}, hold released;
 * cancel → hold released, or refund then stock returned; every step survives peers failing midway.
 */
class OrderSagaTests extends OrderIntegrationTest {

    final InventoryStub inventory = InventoryStub.shared();
    final PaymentStub payments = PaymentStub.shared();

    @AfterEach
    void healPeers() {
        inventory.reset();
        payments.failing(false);
    }

    @Test
    void aSucceededPaymentConfirmsTheOrderAndAnnouncesItOnKafka() {
        String dropId = fixtures.liveDrop(5, 5, 1500);
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, dropId, 2);

        try (KafkaConsumer<String, String> consumer = consumerOf("order.confirmed")) {
            fixtures.paymentSucceeded(orderId, "pay-" + orderId, buyer, 3000);

            await().atMost(OrderFixtures.PATIENCE)
                    .until(() -> fixtures.order(orderId).status() == OrderStatus.CONFIRMED);
            ConsumerRecord<String, String> event = awaitRecord(consumer, orderId);
            assertThat(event.value()).contains("\"type\":\"order.confirmed\"").contains("\"totalCents\":3000");
        }
        assertThat(inventory.reservation(orderId).orElseThrow().status()).isEqualTo("confirmed");
        assertThat(inventory.drop(dropId).sold()).isEqualTo(2);
        Reply seen = api.get("/api/orders/" + orderId, fixtures.token(buyer));
        assertThat(seen.text("status")).isEqualTo("confirmed");
        assertThat(fixtures.eventsOf(orderId)).containsExactly("order.created", "order.confirmed");
        assertThat(fixtures.order(orderId).workDueAt()).isNull();
    }

    @Test
    void aRedeliveredPaymentChangesNothing() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, dropId, 1);

        fixtures.paymentSucceeded(orderId, "pay-1", buyer, 100);
        UUID again = fixtures.paymentSucceeded(orderId, "pay-1", buyer, 100);
        fixtures.awaitProcessed("order-payment-succeeded", again);

        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).status() == OrderStatus.CONFIRMED);
        assertThat(fixtures.eventsOf(orderId)).containsExactly("order.created", "order.confirmed");
        assertThat(inventory.calls("confirm")).isPositive();
    }

    @Test
    void aFailedPaymentLeavesTheOrderPayable() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, dropId, 1);

        fixtures.awaitProcessed("order-payment-failed", fixtures.paymentFailed(orderId, "declined", buyer, 100));
        assertThat(fixtures.order(orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);

        fixtures.paymentSucceeded(orderId, "second-try", buyer, 100);
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).status() == OrderStatus.CONFIRMED);
    }

    @Test
    void anUnpaidOrderExpiresAtReservedUntilAndItsStockGoesBackOnSale() {
        String dropId = fixtures.liveDrop(3, 3, 100);
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, dropId, 2);
        assertThat(inventory.drop(dropId).available()).isEqualTo(1);

        passReservedUntil(orderId);

        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).holdState() == HoldState.RELEASED);
        assertThat(fixtures.order(orderId).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(inventory.reservation(orderId).orElseThrow().status()).isEqualTo("released");
        assertThat(inventory.drop(dropId).available()).isEqualTo(3);
        assertThat(fixtures.eventsOf(orderId)).containsExactly("order.created", "order.expired");
        assertThat(api.get("/api/orders/" + orderId, fixtures.token(buyer)).text("status"))
                .isEqualTo("expired");
    }

    @Test
    void aPaymentThatArrivesAfterExpiryIsRefundedAndTheOrderStaysExpired() {
        String dropId = fixtures.liveDrop(3, 3, 100);
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, dropId, 1);
        passReservedUntil(orderId);
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).holdState() == HoldState.RELEASED);

        fixtures.paymentSucceeded(orderId, "too-late", buyer, 100);

        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).paymentState() == PaymentState.REFUNDED);
        assertThat(payments.refunded(orderId)).isTrue();
        assertThat(fixtures.order(orderId).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(inventory.reservation(orderId).orElseThrow().status()).isEqualTo("released");
        assertThat(fixtures.eventsOf(orderId)).containsExactly("order.created", "order.expired");
    }

    @Test
    void aPaymentForAHoldInventoryAlreadyLetGoIsRefundedAndTheOrderExpires() {
        String dropId = fixtures.liveDrop(3, 3, 100);
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, dropId, 1);
        inventory.expireHold(orderId);

        fixtures.paymentSucceeded(orderId, "raced-the-reaper", buyer, 100);

        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).paymentState() == PaymentState.REFUNDED);
        assertThat(fixtures.order(orderId).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(payments.refunded(orderId)).isTrue();
        assertThat(fixtures.eventsOf(orderId)).containsExactly("order.created", "order.expired");
        assertThat(inventory.drop(dropId).available()).isEqualTo(3);
    }

    @Test
    void cancellingAPendingOrderReleasesItsHoldAndIsIdempotent() {
        String dropId = fixtures.liveDrop(3, 3, 100);
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, dropId, 2);

        Reply cancelled = cancel(orderId, buyer);
        Reply again = cancel(orderId, buyer);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("cancelled");
        assertThat(inventory.reservation(orderId).orElseThrow().status()).isEqualTo("released");
        assertThat(inventory.drop(dropId).available()).isEqualTo(3);
        assertThat(fixtures.eventsOf(orderId)).containsExactly("order.created", "order.cancelled");
        assertThat(payments.refundCalls(orderId)).isZero();
    }

    @Test
    void cancellingAConfirmedOrderRefundsThenReturnsTheStock() {
        String dropId = fixtures.liveDrop(3, 3, 100);
        String buyer = fixtures.newUser();
        String orderId = confirmedOrder(buyer, dropId);

        Reply cancelled = cancel(orderId, buyer);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(payments.refunded(orderId)).isTrue();
        assertThat(inventory.reservation(orderId).orElseThrow().status()).isEqualTo("returned");
        assertThat(inventory.drop(dropId).available()).isEqualTo(3);
        assertThat(fixtures.order(orderId).paymentState()).isEqualTo(PaymentState.REFUNDED);
        assertThat(fixtures.eventsOf(orderId)).containsExactly("order.created", "order.confirmed", "order.cancelled");
    }

    @Test
    void aCancellationWhilePaymentServiceIsDownIsFinishedWhenItComesBack() {
        String dropId = fixtures.liveDrop(3, 3, 100);
        String buyer = fixtures.newUser();
        String orderId = confirmedOrder(buyer, dropId);
        payments.failing(true);

        Reply cancelled = cancel(orderId, buyer);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(payments.refunded(orderId)).isFalse();
        assertThat(inventory.reservation(orderId).orElseThrow().status())
                .as("no stock goes back before the money does")
                .isEqualTo("confirmed");

        payments.failing(false);
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).holdState() == HoldState.RETURNED);
        assertThat(payments.refunded(orderId)).isTrue();
        assertThat(fixtures.order(orderId).workDueAt()).isNull();
    }

    @Test
    void anExpiredOrderCannotBeCancelled() {
        String dropId = fixtures.liveDrop(3, 3, 100);
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, dropId, 1);
        passReservedUntil(orderId);
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).status() == OrderStatus.EXPIRED);

        Reply reply = cancel(orderId, buyer);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("ORDER_NOT_CANCELLABLE");
    }

    @Test
    void onlyTheBuyerCanCancel() {
        String dropId = fixtures.liveDrop(3, 3, 100);
        String orderId = api.placedOrder(fixtures.newUser(), dropId, 1);
        String stranger = fixtures.newUser();

        for (String id : List.of(orderId, Ids.newId().toString(), "not-an-id")) {
            Reply reply = cancel(id, stranger);
            assertThat(reply.status()).as(id).isEqualTo(404);
            assertThat(reply.code()).as(id).isEqualTo("ORDER_NOT_FOUND");
        }
        assertThat(fixtures.order(orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void aConfirmationInterruptedByAnInventoryHiccupIsFinishedByRecovery() {
        String dropId = fixtures.liveDrop(3, 3, 100);
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, dropId, 1);
        inventory.failConfirmsOf(orderId, true);

        fixtures.paymentSucceeded(orderId, "pay", buyer, 100);
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).workAttempts() >= 1);
        assertThat(fixtures.order(orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(fixtures.order(orderId).paymentState()).isEqualTo(PaymentState.CAPTURED);

        inventory.failConfirmsOf(orderId, false);
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).status() == OrderStatus.CONFIRMED);
        assertThat(fixtures.eventsOf(orderId)).containsExactly("order.created", "order.confirmed");
    }

    @Test
    void anOrderPaidWhilePendingIsNeverExpiredByTheDeadline() {
        String dropId = fixtures.liveDrop(3, 3, 100);
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, dropId, 1);
        inventory.failConfirmsOf(orderId, true);
        fixtures.paymentSucceeded(orderId, "pay", buyer, 100);
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).paymentState() == PaymentState.CAPTURED);

        passReservedUntil(orderId);
        inventory.failConfirmsOf(orderId, false);

        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).status() == OrderStatus.CONFIRMED);
        assertThat(payments.refundCalls(orderId)).isZero();
    }

    @RepeatedTest(3)
    void paymentsRacingTheExpiryJobLeaveEveryOrderConsistent() {
        int orders = 12;
        String dropId = fixtures.liveDrop(orders, 1, 100);
        List<String> buyers = new ArrayList<>();
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            buyers.add(fixtures.newUser());
            orderIds.add(api.placedOrder(buyers.get(i), dropId, 1));
        }

        // every deadline passes at once while half of the payments are on their way
        fixtures.jdbc()
                .sql("update orders set reserved_until = now() where drop_id = :d")
                .param("d", dropId)
                .update();
        List<UUID> paymentEvents = new ArrayList<>();
        for (int i = 0; i < orders; i += 2) {
            paymentEvents.add(fixtures.paymentSucceeded(orderIds.get(i), "pay-" + orderIds.get(i), buyers.get(i), 100));
        }
        paymentEvents.forEach(event -> fixtures.awaitProcessed("order-payment-succeeded", event));

        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> orderIds.stream()
                        .map(fixtures::order)
                        .allMatch(o -> o.workDueAt() == null && o.status() != OrderStatus.PENDING_PAYMENT));
        for (int i = 0; i < orders; i++) {
            var order = fixtures.order(orderIds.get(i));
            var hold = inventory.reservation(orderIds.get(i)).orElseThrow();
            boolean paid = i % 2 == 0;
            if (order.status() == OrderStatus.CONFIRMED) {
                assertThat(paid).isTrue();
                assertThat(hold.status()).isEqualTo("confirmed");
                assertThat(payments.refundCalls(orderIds.get(i))).isZero();
            } else {
                assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
                assertThat(hold.status()).isEqualTo("released");
                assertThat(payments.refunded(orderIds.get(i))).isEqualTo(paid);
            }
        }
        var drop = inventory.drop(dropId);
        assertThat(drop.reserved()).isZero();
        assertThat(drop.available() + drop.sold()).isEqualTo(orders);
    }

    private String confirmedOrder(String buyer, String dropId) {
        String orderId = api.placedOrder(buyer, dropId, 1);
        fixtures.paymentSucceeded(orderId, "pay-" + orderId, buyer, 100);
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId).status() == OrderStatus.CONFIRMED);
        return orderId;
    }

    private Reply cancel(String orderId, String user) {
        return api.put("/api/orders/" + orderId + "/cancel", fixtures.token(user));
    }

    /** Time passes for one order: its reservedUntil is now behind us. */
    private void passReservedUntil(String orderId) {
        fixtures.jdbc()
                .sql("update orders set reserved_until = now() - interval '1 second' where id = :id")
                .param("id", UUID.fromString(orderId))
                .update();
    }

    private static KafkaConsumer<String, String> consumerOf(String topic) {
        var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String key) {
        long deadline = System.nanoTime() + OrderFixtures.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(record.key())) {
                    return record;
                }
            }
        }
        throw new AssertionError("no record with key " + key);
    }
}
