package io.livedrop.order.purchase.domain;

import java.time.Instant;

/** An order as the public API shows it (API.md). */
public record OrderView(
        String id,
        String userId,
        String dropId,
        String productId,
        int quantity,
        long unitPriceCents,
        long totalCents,
        String currency,
        String status,
        Instant reservedUntil,
        Instant createdAt,
        Instant updatedAt) {

    public static OrderView of(Order order) {
        return new OrderView(
                order.id().toString(),
                order.userId(),
                order.dropId(),
                order.productId(),
                order.quantity(),
                order.unitPriceCents(),
                order.totalCents(),
                order.currency(),
                order.status().value(),
                order.reservedUntil(),
                order.createdAt(),
                order.updatedAt());
    }
}
