package io.livedrop.common.events;

/** An order was cancelled by its buyer (hold released or payment refunded). Key: orderId. */
public record OrderCancelled(
        String orderId, String userId, String dropId, int quantity, long totalCents, String currency)
        implements OrderOutcome {

    public static final String TOPIC = Topics.ORDER_CANCELLED;
}
