package io.livedrop.order.purchase.domain;

import java.util.Locale;

/**
 * Where an order stands. {@link #RESERVING} and {@link #REJECTED} are internal (the placement is
 * running, or failed and its leftovers are undone): such orders are invisible to every API.
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

    public static OrderStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
