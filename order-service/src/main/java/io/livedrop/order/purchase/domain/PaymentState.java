package io.livedrop.order.purchase.domain;

import java.util.Locale;

/** What order-service knows of the order's payment (from payment.succeeded and refunds). */
public enum PaymentState {
    NONE,
    CAPTURED,
    REFUNDED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
