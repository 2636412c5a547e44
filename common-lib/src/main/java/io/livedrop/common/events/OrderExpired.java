package io.livedrop.common.events;

/** An order was not paid by reservedUntil; its hold went back on sale. Key: orderId. */
public record OrderExpired(String orderId, String userId, String dropId, int quantity, long totalCents, String currency)
        implements OrderOutcome {

    public static final String TOPIC = Topics.ORDER_EXPIRED;
}
