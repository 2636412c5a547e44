package io.livedrop.common.events;

/** An order was paid and its hold confirmed. Key: orderId. */
public record OrderConfirmed(
        String orderId, String userId, String dropId, int quantity, long totalCents, String currency)
        implements OrderOutcome {

    public static final String TOPIC = Topics.ORDER_CONFIRMED;
}
