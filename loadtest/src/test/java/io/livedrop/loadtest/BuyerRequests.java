package io.livedrop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.function.Supplier;

/**
 * A buyer's order and payment requests for {@link RetriedCall}, from the session values {@code token}
 * and {@code orderKey}; they save {@code orderId} and {@code paymentStatus}.
 */
final class BuyerRequests {

    private BuyerRequests() {}

    /** {@code POST /api/orders} of one unit, Idempotency-Key {@code orderKey}. */
    static HttpRequestActionBuilder order(String name, Supplier<String> dropId) {
        return http(name)
                .post("/api/orders")
                .header("Authorization", session -> "Bearer " + session.getString("token"))
                .header("Idempotency-Key", session -> session.getString("orderKey"))
                .body(StringBody(session -> "{\"dropId\":\"" + dropId.get() + "\",\"quantity\":1}"))
                .check(jsonPath("$.id").optional().saveAs("orderId"));
    }

    /** {@code POST /api/payments} of {@code orderId} with {@code tok_visa}; a 201 must say succeeded. */
    static HttpRequestActionBuilder payment(String name) {
        return http(name)
                .post("/api/payments")
                .header("Authorization", session -> "Bearer " + session.getString("token"))
                .header("Idempotency-Key", session -> "pay-" + session.getString("orderKey"))
                .body(StringBody(session -> "{\"orderId\":\"" + session.getString("orderId")
                        + "\",\"paymentMethod\":{\"type\":\"card\",\"token\":\"tok_visa\"}}"))
                .check(jsonPath("$.status").optional().saveAs("paymentStatus"))
                .checkIf((response, session) -> response.status().code() == 201)
                .then(jsonPath("$.status").is("succeeded"));
    }
}
