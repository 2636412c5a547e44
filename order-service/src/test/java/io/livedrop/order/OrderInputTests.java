package io.livedrop.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.Reply;
import io.livedrop.order.support.InventoryStub;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * API.md "request limits": control characters in a text field are a 400 {@code VALIDATION_FAILED}
 * naming the field, never a 500 from PostgreSQL (which refuses NUL in text) and never stored.
 */
class OrderInputTests extends OrderIntegrationTest {

    final InventoryStub inventory = InventoryStub.shared();

    @Test
    void nulInDropIdIsAValidationError() {
        String dropId = fixtures.liveDrop(10, 5, 2500);
        int reservations = inventory.calls("reserve");

        for (String bad : new String[] {"\\u0000", dropId + "\\u0000", "\\u0000" + dropId, "x\\u001fy"}) {
            Reply reply = api.placeOrder(fixtures.newUser(), UUID.randomUUID().toString(), bad, 1);

            assertThat(reply.status()).as(bad + " → " + reply).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(reply.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("dropId");
        }
        assertThat(inventory.calls("reserve")).isEqualTo(reservations);
    }

    @Test
    void theSameKeyWithAValidBodyStillWorksAfterARejectedOne() {
        String dropId = fixtures.liveDrop(10, 5, 2500);
        String buyer = fixtures.newUser();
        String key = UUID.randomUUID().toString();

        Reply rejected = api.placeOrder(buyer, key, dropId + "\\u0000", 1);
        Reply placed = api.placeOrder(buyer, key, dropId, 1);

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    }

    @Test
    void nulInPathOrQueryIsAClientError() {
        String token = fixtures.token(fixtures.newUser());
        for (String path : new String[] {
            "/api/orders/%01", "/api/orders?cursor=%00", "/api/orders?limit=%00", "/api/orders?cursor=a%0Ab"
        }) {
            Reply reply = api.get(path, token);
            assertThat(reply.status()).as(path + " → " + reply).isIn(400, 404);
            assertThat(reply.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
        Reply reply = api.post("/api/orders?x=%00", token, Map.of("Idempotency-Key", "k"), "{}");
        assertThat(reply.status()).isEqualTo(400);
    }
}
