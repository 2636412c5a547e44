package io.livedrop.payment;

import io.livedrop.common.test.Reply;
import io.livedrop.common.test.ServiceClient;
import io.livedrop.common.test.TestJwtIssuer;
import java.util.Map;
import java.util.UUID;

/** The one HTTP client of payment-service's tests: its endpoints, with a buyer's or order-service's token. */
public final class PaymentApi {

    private final ServiceClient http;
    private final TestJwtIssuer tokens;

    public PaymentApi(int port, TestJwtIssuer tokens) {
        this.http = new ServiceClient(port);
        this.tokens = tokens;
    }

    public Reply get(String path, String token) {
        return http.get(path, token);
    }

    public Reply getText(String path) {
        return http.getText(path);
    }

    public Reply post(String path, String token, Map<String, String> headers, String body) {
        return http.post(path, token, headers, body);
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
