package io.livedrop.payment.billing.domain;

import java.time.Instant;

/** A payment as the public API shows it (API.md). */
public record PaymentView(
        String id,
        String orderId,
        long amountCents,
        String currency,
        String status,
        String failureCode,
        Instant createdAt) {

    public static PaymentView of(Payment payment) {
        return new PaymentView(
                payment.id().toString(),
                payment.orderId(),
                payment.amountCents(),
                payment.currency(),
                payment.status().value(),
                payment.failureCode(),
                payment.createdAt());
    }
}
