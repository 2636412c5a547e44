package io.livedrop.common.events;

import java.time.Instant;

/** An order was placed and its stock is held. Key: orderId. */
public record OrderCreated(
        String orderId,
        String userId,
        String dropId,
        int quantity,
        long totalCents,
        String currency,
        String status,
        Instant reservedUntil) {

    public static final String TOPIC = Topics.ORDER_CREATED;
}
