package io.livedrop.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.Reply;
import io.livedrop.common.test.ServiceClient;
import io.livedrop.common.test.TestJwtIssuer;
import java.util.Map;
import java.util.UUID;

/** The one HTTP client of order-service's tests: its endpoints, with a buyer's or a service token. */
public final class OrderApi extends ServiceClient {

    private final TestJwtIssuer tokens;

    public OrderApi(int port, TestJwtIssuer tokens) {
        super(port);
        this.tokens = tokens;
    }

    public Reply placeOrder(String userId, String key, String dropId, int quantity) {
        return post(
                "/api/orders",
                tokens.userToken(userId),
                Map.of("Idempotency-Key", key),
                "{\"dropId\":\"" + dropId + "\",\"quantity\":" + quantity + "}");
    }

    public Reply placeOrder(String userId, String key, String dropId, int quantity, String admissionToken) {
        return post(
                "/api/orders",
                tokens.userToken(userId),
                Map.of("Idempotency-Key", key, "X-Admission-Token", admissionToken),
                "{\"dropId\":\"" + dropId + "\",\"quantity\":" + quantity + "}");
    }

    /** Places an order that must succeed; returns its id. */
    public String placedOrder(String userId, String dropId, int quantity) {
        Reply reply = placeOrder(userId, UUID.randomUUID().toString(), dropId, quantity);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.text("id");
    }
}
