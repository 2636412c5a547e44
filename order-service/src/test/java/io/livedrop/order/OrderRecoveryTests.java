package io.livedrop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.idempotency.IdempotencyKey;
import io.livedrop.common.idempotency.IdempotentRequest;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.IdempotencyRecords;
import io.livedrop.common.test.Reply;
import io.livedrop.common.test.ServiceClient;
import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.order.purchase.domain.HoldState;
import io.livedrop.order.purchase.domain.OrderStatus;
import io.livedrop.order.support.InventoryStub;
import io.livedrop.order.support.OrderFixtures;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A placement whose request died after inventory held stock for it leaves a {@code reserving} order;
 * the recovery job undoes it once the key's lease is over, and the key is usable again.
 */
class OrderRecoveryTests extends OrderIntegrationTest {

    final InventoryStub inventory = InventoryStub.shared();

    @Test
    void anAbandonedPlacementIsUndoneAndItsHoldReleased() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        UUID orderId = Ids.newId();
        // the request crashed after inventory held 2 units for it: a reserving order, an in-flight key
        Reply held = holdAtInventory(orderId, dropId, buyer, 2);
        assertThat(held.status()).isEqualTo(201);
        insertReservingOrder(orderId, buyer, dropId, 2, "died");
        insertInFlightRecord(buyer, "died", dropId, 2, orderId, Instant.now().minusSeconds(1));

        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId.toString()).holdState() == HoldState.RELEASED);

        assertThat(fixtures.order(orderId.toString()).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(inventory.reservation(orderId.toString()).orElseThrow().status())
                .isEqualTo("released");
        assertThat(inventory.drop(dropId).available()).isEqualTo(5);
        Reply retry = api.placeOrder(buyer, "died", dropId, 2);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isNotEqualTo(orderId.toString());
    }

    @Test
    void aPlacementStillRunningIsLeftAlone() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        UUID orderId = Ids.newId();
        insertReservingOrder(orderId, buyer, dropId, 1, "alive");
        insertInFlightRecord(buyer, "alive", dropId, 1, orderId, Instant.now().plusSeconds(60));

        await().atMost(OrderFixtures.PATIENCE)
                .until(() -> fixtures.order(orderId.toString())
                        .workDueAt()
                        .isAfter(Instant.now().plusSeconds(30)));

        assertThat(fixtures.order(orderId.toString()).status()).isEqualTo(OrderStatus.RESERVING);
    }

    private Reply holdAtInventory(UUID orderId, String dropId, String buyer, int quantity) {
        var client = new ServiceClient(
                Integer.parseInt(inventory.url().substring(inventory.url().lastIndexOf(':') + 1)));
        return client.post(
                "/internal/inventory/reservations",
                TestJwtIssuer.shared().serviceToken("order-service"),
                Map.of(),
                """
                {"reservationId":"%s","dropId":"%s","userId":"%s","quantity":%d,"expiresAt":"%s"}
                """.formatted(orderId, dropId, buyer, quantity, Instant.now().plusSeconds(600)));
    }

    private void insertReservingOrder(UUID orderId, String buyer, String dropId, int quantity, String key) {
        fixtures.jdbc()
                .sql("""
                        insert into orders (id, user_id, drop_id, product_id, quantity, unit_price_cents, total_cents,
                          currency, status, hold_state, idempotency_key, reserved_until, work_due_at, created_at,
                          updated_at)
                        values (:id, :user, :drop, 'p', :q, 100, 100 * :q, 'EUR', 'reserving', 'requested', :key,
                                now() + interval '10 minutes', now(), now(), now())
                        """)
                .param("id", orderId)
                .param("user", buyer)
                .param("drop", dropId)
                .param("q", quantity)
                .param("key", key)
                .update();
    }

    private void insertInFlightRecord(
            String user, String key, String dropId, int quantity, UUID operationId, Instant leaseUntil) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dropId", dropId);
        body.put("quantity", quantity);
        var request = IdempotentRequest.of(user, new IdempotencyKey(key), "POST", "/api/orders", body, json);
        IdempotencyRecords.insertInFlight(fixtures.jdbc(), request, operationId, leaseUntil);
    }
}
