package io.livedrop.common.events;

/** A payment attempt failed (the order stays payable until reservedUntil). Key: orderId. */
public record PaymentFailed(
        String paymentId, String orderId, String userId, long amountCents, String currency, String failureCode) {

    public static final String TOPIC = Topics.PAYMENT_FAILED;
}
