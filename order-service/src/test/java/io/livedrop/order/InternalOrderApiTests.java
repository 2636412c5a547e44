package io.livedrop.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.ids.Ids;
import io.livedrop.common.security.Scopes;
import io.livedrop.common.test.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GET /internal/orders/{id} (docs/INTERNAL-API.md): for payment-service only, with a service token
 * carrying {@code internal:orders}.
 */
class InternalOrderApiTests extends OrderIntegrationTest {

    @Test
    void servesTheOrderToAService() {
        String dropId = fixtures.liveDrop(5, 5, 700);
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, dropId, 3);

        Reply reply = api.get("/internal/orders/" + orderId, tokens.serviceToken("payment-service"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().propertyNames())
                .containsExactlyInAnyOrder(
                        "id", "userId", "dropId", "status", "totalCents", "currency", "reservedUntil");
        assertThat(reply.text("userId")).isEqualTo(buyer);
        assertThat(reply.text("status")).isEqualTo("pending_payment");
        assertThat(reply.json().path("totalCents").asLong()).isEqualTo(2100);
        assertThat(reply.text("currency")).isEqualTo("EUR");
    }

    @Test
    void unknownOrdersAreNotFound() {
        Reply reply = api.get("/internal/orders/" + Ids.newId(), tokens.serviceToken("payment-service"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("ORDER_NOT_FOUND");
    }

    /** order-service's own scopes (inventory, payments), or none, do not open another API. */
    @Test
    void aServiceTokenWithoutTheOrdersScopeIsForbidden() {
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, fixtures.liveDrop(5, 5, 100), 1);

        for (String token : List.of(
                tokens.serviceToken("order-service"),
                tokens.serviceToken("payment-service", Scopes.INTERNAL_PAYMENTS),
                tokens.serviceToken("catalog-service"))) {
            Reply reply = api.get("/internal/orders/" + orderId, token);

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void aUserTokenIsNotEnough() {
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, fixtures.liveDrop(5, 5, 100), 1);

        Reply reply = api.get("/internal/orders/" + orderId, fixtures.token(buyer));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
    }
}
