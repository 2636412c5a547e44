package io.livedrop.payment.billing.domain;

import java.util.Locale;

/**
 * processing → succeeded | failed; succeeded → refunding (a refund is claimed) → refunded ({@link
 * #canBecome}); failed and refunded are final. The repository's conditional updates make these
 * transitions; {@code canBecome} is the rule they follow.
 */
public enum PaymentStatus {
    PROCESSING,
    SUCCEEDED,
    FAILED,
    REFUNDING,
    REFUNDED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a payment in this status may move to {@code next} (a different status). */
    public boolean canBecome(PaymentStatus next) {
        return switch (this) {
            case PROCESSING -> next == SUCCEEDED || next == FAILED;
            case SUCCEEDED -> next == REFUNDING;
            case REFUNDING -> next == REFUNDED;
            case FAILED, REFUNDED -> false;
        };
    }

    public static PaymentStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
