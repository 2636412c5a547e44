package io.livedrop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.livedrop.common.test.Reply;
import io.livedrop.order.purchase.domain.HoldState;
import io.livedrop.order.purchase.domain.OrderStatus;
import io.livedrop.order.support.InventoryStub;
import io.livedrop.order.support.OrderFixtures;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Inventory down, slow or failing: the buyer gets a 503 problem, no order, and no stock stays held —
 * nothing is reserved when the call cannot have arrived, and a hold a timed-out call created late is
 * released as soon as it shows up.
 */
class InventoryFaultTests extends OrderIntegrationTest {

    final InventoryStub inventory = InventoryStub.shared();

    @AfterEach
    void healInventory() {
        inventory.reset();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void inventoryDownAnswers503AndNothingIsReserved() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        inventory.down();

        Reply reply = api.placeOrder(buyer, "down", dropId, 1);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.");
        inventory.up();
        assertThat(inventory.reservationsOf(dropId)).isZero();
        assertThat(inventory.drop(dropId).available()).isEqualTo(5);
        assertThat(api.get("/api/orders", fixtures.token(buyer))
                        .json()
                        .path("items")
                        .size())
                .isZero();
        var attempt = fixtures.jdbc()
                .sql("select status, hold_state from orders where user_id = :u")
                .param("u", buyer)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
                .single();
        assertThat(attempt).isEqualTo("rejected/none");
    }

    @Test
    void aHoldCreatedLateIsReleasedWhenNobodyRetriesTheKey() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        inventory.slowReserves(Duration.ofMillis(3000)); // beyond the 1.5 s read timeout

        Reply reply = api.placeOrder(buyer, "slow", dropId, 2);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
        UUID orderId = fixtures.jdbc()
                .sql("select id from orders where user_id = :u")
                .param("u", buyer)
                .query(UUID.class)
                .single();
        // the reserve call lands after we gave up; the saga keeps releasing until it is gone
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> inventory
                        .reservation(orderId.toString())
                        .map(hold -> hold.status().equals("released"))
                        .orElse(false));
        assertThat(inventory.drop(dropId).available()).isEqualTo(5);
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId.toString()).holdState() == HoldState.RELEASED);
        assertThat(fixtures.order(orderId.toString()).status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void aRetryWithTheSameKeyAfterALostAnswerResumesTheSameOrderAndHold() {
        String dropId = fixtures.liveDrop(5, 1, 100);
        String buyer = fixtures.newUser();
        inventory.slowReserves(Duration.ofMillis(3000)); // beyond the read timeout: the hold lands late

        Reply lost = api.placeOrder(buyer, "lost-answer", dropId, 1);
        assertThat(lost.status()).isEqualTo(503);
        inventory.slowReserves(Duration.ZERO);
        UUID orderId = fixtures.jdbc()
                .sql("select id from orders where user_id = :u")
                .param("u", buyer)
                .query(UUID.class)
                .single();
        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> inventory.reservation(orderId.toString()).isPresent());

        // per-user limit 1: a second hold for this buyer would be refused; the retry must reuse the first
        Reply retried = api.placeOrder(buyer, "lost-answer", dropId, 1);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.text("id")).isEqualTo(orderId.toString());
        assertThat(retried.text("status")).isEqualTo("pending_payment");
        assertThat(inventory.reservation(orderId.toString()).orElseThrow().status())
                .isEqualTo("held");
        assertThat(inventory.drop(dropId).available()).isEqualTo(4);
    }

    @Test
    void inventorysOutcomePending503KeepsTheKeyBoundSoTheRetryCompletesTheSameOrder() {
        String dropId = fixtures.liveDrop(5, 1, 100);
        String buyer = fixtures.newUser();
        inventory.outcomePending(true);

        Reply pending = api.placeOrder(buyer, "pending-outcome", dropId, 1);

        assertThat(pending.status()).isEqualTo(503);
        var attempt = fixtures.jdbc()
                .sql("select id, status from orders where user_id = :u")
                .param("u", buyer)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
                .single();
        assertThat(attempt).as("not undone as if nothing was held").endsWith("/reserving");
        String orderId = attempt.substring(0, attempt.indexOf('/'));
        assertThat(inventory.reservation(orderId).orElseThrow().status()).isEqualTo("held");
        inventory.outcomePending(false);

        // per-user limit 1: only resuming the same order (and hold) can succeed
        Reply retried = api.placeOrder(buyer, "pending-outcome", dropId, 1);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.text("id")).isEqualTo(orderId);
        assertThat(inventory.drop(dropId).available()).isEqualTo(4);
    }

    @Test
    void failingInventoryAnswers503AndNothingIsReserved() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        inventory.failing(true);

        Reply reply = api.placeOrder(fixtures.newUser(), "failing", dropId, 1);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(inventory.reservationsOf(dropId)).isZero();
    }

    @Test
    void anOverloadedInventorysNothingWritten503LeavesNoHoldToChase() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        inventory.overloaded(true);

        Reply reply = api.placeOrder(buyer, "overloaded", dropId, 1);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
        var attempt = fixtures.jdbc()
                .sql("select status, hold_state, work_due_at is null from orders where user_id = :u")
                .param("u", buyer)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
                .single();
        assertThat(attempt).isEqualTo("rejected/none");
    }

    @Test
    void repeatedFailuresOpenTheCircuitSoCallsFailFastWithoutReachingInventory() {
        String dropId = fixtures.liveDrop(50, 50, 100);
        String buyer = fixtures.newUser();
        inventory.failing(true);
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("inventory");
        for (int i = 0; i < 12 && breaker.getState() != CircuitBreaker.State.OPEN; i++) {
            assertThat(api.placeOrder(buyer, "open-" + i, dropId, 1).status()).isEqualTo(503);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        inventory.failing(false);
        int callsBefore = inventory.calls("reserve");

        List<Reply> whileOpen = List.of(
                api.placeOrder(buyer, "while-open-1", dropId, 1), api.placeOrder(buyer, "while-open-2", dropId, 1));

        assertThat(whileOpen).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
        });
        assertThat(inventory.calls("reserve")).isEqualTo(callsBefore);
        assertThat(inventory.reservationsOf(dropId)).isZero();

        breaker.reset();
        assertThat(api.placeOrder(buyer, "after", dropId, 1).status()).isEqualTo(201);
    }

    @Test
    void inventorysNoDoesNotOpenTheCircuit() {
        String dropId = fixtures.liveDrop(1, 1, 100);
        api.placedOrder(fixtures.newUser(), dropId, 1);
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("inventory");

        for (int i = 0; i < 15; i++) {
            assertThat(api.placeOrder(fixtures.newUser(), "k", dropId, 1).code())
                    .isEqualTo("SOLD_OUT");
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
