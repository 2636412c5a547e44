package io.livedrop.payment.billing.domain;

import java.util.Locale;

/** processing → succeeded | failed; succeeded → refunding (a refund is claimed) → refunded. */
public enum PaymentStatus {
    PROCESSING,
    SUCCEEDED,
    FAILED,
    REFUNDING,
    REFUNDED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
