package io.livedrop.payment;

import io.livedrop.common.test.Reply;
import io.livedrop.common.test.ServiceClient;
import io.livedrop.common.test.TestJwtIssuer;
import java.util.Map;
import java.util.UUID;

/** The one HTTP client of payment-service's tests: its endpoints, with a buyer's or order-service's token. */
public final class PaymentApi extends ServiceClient {

    private final TestJwtIssuer tokens;

    public PaymentApi(int port, TestJwtIssuer tokens) {
        super(port);
        this.tokens = tokens;
    }

    public Reply pay(String buyer, String key, String orderId, String cardToken) {
        return post("/api/payments", tokens.userToken(buyer), Map.of("Idempotency-Key", key), body(orderId, cardToken));
    }

    public Reply pay(String buyer, String orderId, String cardToken) {
        return pay(buyer, UUID.randomUUID().toString(), orderId, cardToken);
    }

    public static String body(String orderId, String cardToken) {
        return "{\"orderId\":\"" + orderId + "\",\"paymentMethod\":{\"type\":\"card\",\"token\":\"" + cardToken
                + "\"}}";
    }

    /** order-service's refund call. */
    public Reply refund(String orderId) {
        return post(
                "/internal/payments/refunds",
                tokens.serviceToken("order-service"),
                Map.of(),
                "{\"orderId\":\"" + orderId + "\"}");
    }
}
