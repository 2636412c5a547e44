package io.livedrop.order.support;

import io.livedrop.common.security.Scopes;
import io.livedrop.common.test.StubServer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** payment-service's refund API (docs/INTERNAL-API.md): idempotent refunds by order id. */
public final class PaymentStub extends StubServer {

    /** As payment-service does: only a token with internal:payments may ask for refunds (403 otherwise). */
    @Override
    protected String requiredScope() {
        return Scopes.INTERNAL_PAYMENTS;
    }

    private static PaymentStub shared;

    private final Map<String, AtomicInteger> refundCalls = new ConcurrentHashMap<>();
    private final Set<String> refunded = ConcurrentHashMap.newKeySet();
    private volatile boolean failing;

    public static synchronized PaymentStub shared() {
        if (shared == null) {
            shared = new PaymentStub();
            shared.start();
        }
        return shared;
    }

    public boolean refunded(String orderId) {
        return refunded.contains(orderId);
    }

    public int refundCalls(String orderId) {
        return refundCalls.computeIfAbsent(orderId, k -> new AtomicInteger()).get();
    }

    public void failing(boolean on) {
        failing = on;
    }

    @Override
    protected StubReply handle(String method, String path, JsonNode body) {
        if (!method.equals("POST") || !path.equals("/internal/payments/refunds")) {
            return problem(404, "NOT_FOUND", "no route");
        }
        String orderId = body.path("orderId").asString();
        refundCalls.computeIfAbsent(orderId, k -> new AtomicInteger()).incrementAndGet();
        if (failing) {
            return problem(503, "SERVICE_UNAVAILABLE", "payment-service is failing");
        }
        refunded.add(orderId);
        return ok(
                200,
                Map.of(
                        "paymentId",
                        "pay-" + orderId,
                        "orderId",
                        orderId,
                        "amountCents",
                        0,
                        "currency",
                        "EUR",
                        "status",
                        "refunded"));
    }
}
