package io.livedrop.payment.support;

import io.livedrop.common.security.Scopes;
import io.livedrop.common.test.StubServer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** order-service's internal order API (docs/INTERNAL-API.md) with orders the tests put there. */
public final class OrderServiceStub extends StubServer {

    /** As order-service does: only a token with internal:orders may read orders (403 otherwise). */
    @Override
    protected String requiredScope() {
        return Scopes.INTERNAL_ORDERS;
    }

    private static OrderServiceStub shared;

    private final Map<String, StubOrder> orders = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    public static synchronized OrderServiceStub shared() {
        if (shared == null) {
            shared = new OrderServiceStub();
            shared.start();
        }
        return shared;
    }

    public record StubOrder(
            String id,
            String userId,
            String dropId,
            String status,
            long totalCents,
            String currency,
            Instant reservedUntil) {

        Map<String, Object> json() {
            return Map.of(
                    "id", id,
                    "userId", userId,
                    "dropId", dropId,
                    "status", status,
                    "totalCents", totalCents,
                    "currency", currency,
                    "reservedUntil", reservedUntil.toString());
        }
    }

    public void put(StubOrder order) {
        orders.put(order.id(), order);
    }

    public void setStatus(String orderId, String status) {
        orders.computeIfPresent(
                orderId,
                (id, o) -> new StubOrder(
                        id, o.userId(), o.dropId(), status, o.totalCents(), o.currency(), o.reservedUntil()));
    }

    public int calls() {
        return calls.get();
    }

    @Override
    protected StubReply handle(String method, String path, JsonNode body) {
        calls.incrementAndGet();
        String prefix = "/internal/orders/";
        if (!method.equals("GET") || !path.startsWith(prefix)) {
            return problem(404, "NOT_FOUND", "no route");
        }
        StubOrder order = orders.get(path.substring(prefix.length()));
        return order == null ? problem(404, "ORDER_NOT_FOUND", "no such order") : ok(200, order.json());
    }
}
