package io.livedrop.common.events;

/** A payment for an order was captured. Key: orderId. */
public record PaymentSucceeded(
        String paymentId, String orderId, String userId, long amountCents, String currency, String failureCode) {

    public static final String TOPIC = Topics.PAYMENT_SUCCEEDED;
}
