package io.livedrop.order.purchase.domain;

import java.util.Locale;

/** What order-service knows of the order's inventory hold (reservation id = order id). */
public enum HoldState {
    /** No hold exists (the reserve call certainly did not reach inventory). */
    NONE,
    /** A reserve call was sent without a clear answer: a hold may exist. */
    REQUESTED,
    HELD,
    CONFIRMED,
    RELEASED,
    /** Sold stock put back on sale after a refund. */
    RETURNED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HoldState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
