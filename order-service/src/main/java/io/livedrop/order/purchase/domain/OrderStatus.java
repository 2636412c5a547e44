package io.livedrop.order.purchase.domain;

import java.util.Locale;

/**
 * Where an order stands. {@link #RESERVING} and {@link #REJECTED} are internal (the placement is
 * running, or failed and its leftovers are undone): such orders are invisible to every API.
 *
 * <p>The state machine ({@link #canBecome}): {@code reserving → pending_payment | rejected};
 * {@code pending_payment → confirmed | cancelled | expired}; {@code confirmed → cancelled};
 * {@code cancelled}, {@code expired} and {@code rejected} are final (their hold and payment are still
 * unwound by the saga, their status stays).
 */
public enum OrderStatus {
    RESERVING,
    PENDING_PAYMENT,
    CONFIRMED,
    CANCELLED,
    EXPIRED,
    REJECTED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean visible() {
        return this != RESERVING && this != REJECTED;
    }

    /** Statuses whose hold and payment must be undone (stock back, money back). */
    public boolean unwinding() {
        return this == CANCELLED || this == EXPIRED || this == REJECTED;
    }

    /** Whether an order in this status may move to {@code next} (a different status). */
    public boolean canBecome(OrderStatus next) {
        return switch (this) {
            case RESERVING -> next == PENDING_PAYMENT || next == REJECTED;
            case PENDING_PAYMENT -> next == CONFIRMED || next == CANCELLED || next == EXPIRED;
            case CONFIRMED -> next == CANCELLED;
            case CANCELLED, EXPIRED, REJECTED -> false;
        };
    }

    public static OrderStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
