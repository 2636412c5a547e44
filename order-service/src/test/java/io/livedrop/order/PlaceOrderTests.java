package io.livedrop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.livedrop.common.test.Reply;
import io.livedrop.order.support.InventoryStub;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /api/orders: a hold at inventory becomes a pending order; inventory's "no" becomes the API's. */
class PlaceOrderTests extends OrderIntegrationTest {

    final InventoryStub inventory = InventoryStub.shared();

    @Test
    void placesPendingOrderThatHoldsStockUntilReservedUntil() {
        String dropId = fixtures.liveDrop(10, 5, 2500);
        String buyer = fixtures.newUser();

        Reply reply = api.placeOrder(buyer, "key-1", dropId, 2);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("Idempotent-Replayed")).isNull();
        String orderId = reply.text("id");
        assertThat(reply.text("userId")).isEqualTo(buyer);
        assertThat(reply.text("dropId")).isEqualTo(dropId);
        assertThat(reply.text("productId")).isEqualTo("product-" + dropId);
        assertThat(reply.json().path("quantity").asInt()).isEqualTo(2);
        assertThat(reply.json().path("unitPriceCents").asLong()).isEqualTo(2500);
        assertThat(reply.json().path("totalCents").asLong()).isEqualTo(5000);
        assertThat(reply.text("currency")).isEqualTo("EUR");
        assertThat(reply.text("status")).isEqualTo("pending_payment");
        Instant createdAt = Instant.parse(reply.text("createdAt"));
        Instant reservedUntil = Instant.parse(reply.text("reservedUntil"));
        assertThat(Instant.parse(reply.text("updatedAt"))).isNotNull();
        assertThat(Duration.between(createdAt, reservedUntil)).isCloseTo(Duration.ofMinutes(10), Duration.ofSeconds(5));

        var hold = inventory.reservation(orderId).orElseThrow();
        assertThat(hold.status()).isEqualTo("held");
        assertThat(hold.userId()).isEqualTo(buyer);
        assertThat(hold.quantity()).isEqualTo(2);
        assertThat(hold.expiresAt()).isCloseTo(reservedUntil, within(1, ChronoUnit.MILLIS));
        assertThat(inventory.drop(dropId).available()).isEqualTo(8);
        assertThat(fixtures.eventsOf(orderId)).containsExactly("order.created");
    }

    @Test
    void unknownDropIsNotFound() {
        Reply reply = api.placeOrder(fixtures.newUser(), "k", UUID.randomUUID().toString(), 1);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo("DROP_NOT_FOUND");
        assertThat(reply.text("instance")).isEqualTo("/api/orders");
    }

    @Test
    void malformedDropIdsAreNotFoundWithoutAskingInventory() {
        int lookups = inventory.calls("drop");
        for (String dropId : new String[] {"not-a-uuid", "../../reservations/x/release", "%2e%2e"}) {
            Reply reply = api.placeOrder(fixtures.newUser(), "k", dropId, 1);
            assertThat(reply.status()).as(dropId).isEqualTo(404);
            assertThat(reply.code()).as(dropId).isEqualTo("DROP_NOT_FOUND");
        }
        assertThat(inventory.calls("drop")).isEqualTo(lookups);
    }

    @Test
    void dropNotYetReceivedFromCatalogIsATransient503ThatIsNotStored() {
        String dropId = UUID.randomUUID().toString();
        inventory.addLiveDrop(dropId, 5, 1);
        String buyer = fixtures.newUser();

        Reply early = api.placeOrder(buyer, "early", dropId, 1);
        assertThat(early.status()).isEqualTo(503);
        assertThat(early.code()).isEqualTo("SERVICE_UNAVAILABLE");

        fixtures.scheduleDrop(
                dropId, 100, Instant.now().minusSeconds(5), Instant.now().plusSeconds(600), 1, 5);
        Reply retried = api.placeOrder(buyer, "early", dropId, 1);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void rejectsOrderWhenSoldOutAndLeavesNothingBehind() {
        String dropId = fixtures.liveDrop(1, 1, 100);
        api.placedOrder(fixtures.newUser(), dropId, 1);
        String late = fixtures.newUser();

        Reply reply = api.placeOrder(late, "late", dropId, 1);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("SOLD_OUT");
        assertThat(api.get("/api/orders", fixtures.token(late))
                        .json()
                        .path("items")
                        .size())
                .isZero();
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from orders where user_id = :u")
                        .param("u", late)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void rejectsOrderForDropThatIsNotLive() {
        String dropId = UUID.randomUUID().toString();
        Instant startsAt = Instant.now().plusSeconds(3600);
        inventory.addDrop(dropId, 5, 1, startsAt, startsAt.plusSeconds(600));
        fixtures.scheduleDrop(dropId, 100, startsAt, startsAt.plusSeconds(600), 1, 5);

        Reply reply = api.placeOrder(fixtures.newUser(), "k", dropId, 1);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("DROP_NOT_LIVE");
    }

    @Test
    void rejectsOrderOverThePerUserLimit() {
        String dropId = fixtures.liveDrop(10, 2, 100);
        String buyer = fixtures.newUser();
        api.placedOrder(buyer, dropId, 1);

        Reply reply = api.placeOrder(buyer, "second", dropId, 2);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("PER_USER_LIMIT_EXCEEDED");
        assertThat(inventory.drop(dropId).available()).isEqualTo(9);
    }

    @Test
    void invalidBodiesAreValidationErrors() {
        String dropId = fixtures.liveDrop(10, 5, 100);
        String token = fixtures.token(fixtures.newUser());
        for (String body : new String[] {
            "{\"dropId\":\"" + dropId + "\",\"quantity\":0}",
            "{\"dropId\":\"" + dropId + "\",\"quantity\":-1}",
            "{\"dropId\":\"" + dropId + "\",\"quantity\":101}",
            "{\"dropId\":\"" + dropId + "\"}",
            "{\"dropId\":\"" + dropId + "\",\"quantity\":\"two\"}",
            "{\"quantity\":1}",
            "{\"dropId\":\"\",\"quantity\":1}",
            "{\"dropId\":",
            ""
        }) {
            Reply reply = api.post(
                    "/api/orders",
                    token,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                    body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.code()).as(body).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(inventory.drop(dropId).available()).isEqualTo(10);
    }

    @Test
    void requiresASignedInUser() {
        Reply reply = api.post("/api/orders", null, Map.of("Idempotency-Key", "k"), "{}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theApiDocsShowTheIdempotencyKeyHeader() {
        String docs = api.get("/v3/api-docs", null).body();

        assertThat(docs).containsPattern("\"name\":\"Idempotency-Key\",\"in\":\"header\"");
    }

    @Test
    void countsPlacedOrdersAndRejectedReservations() {
        String dropId = fixtures.liveDrop(1, 1, 100);
        api.placedOrder(fixtures.newUser(), dropId, 1);
        api.placeOrder(fixtures.newUser(), "k", dropId, 1);

        String metrics = api.getText("/actuator/prometheus").body();

        assertThat(metrics)
                .contains("livedrop_orders_placed_total")
                .contains("livedrop_orders_confirmed_total")
                .contains("livedrop_orders_expired_total")
                .contains("livedrop_orders_cancelled_total")
                .containsPattern("livedrop_orders_reservations_rejected_total\\{[^}]*reason=\"sold_out\"[^}]*} [1-9]")
                .contains("reason=\"per_user_limit\"");
    }
}
