package io.livedrop.order.purchase.domain;

/**
 * The next remote step an order needs, derived from where it stands and what we know of its hold and
 * payment. Deriving it (instead of storing a step) makes recovery trivial: whatever was interrupted,
 * the same question gives the step that is still missing, and every step is idempotent at the peer.
 */
public enum SagaStep {
    NONE,
    /** Paid: turn the hold into a sale. */
    CONFIRM_HOLD,
    /** Cancelled, expired or failed placement: give the held stock back. */
    RELEASE_HOLD,
    /** Cancelled or expired after payment: give the money back (before any sold stock goes back). */
    REFUND_PAYMENT,
    /** Cancelled after confirmation and refunded: put the sold stock back on sale. */
    RETURN_STOCK;

    public static SagaStep next(Order order) {
        OrderStatus status = order.status();
        if (status == OrderStatus.PENDING_PAYMENT) {
            return order.paymentState() == PaymentState.CAPTURED && order.holdState() == HoldState.HELD
                    ? CONFIRM_HOLD
                    : NONE;
        }
        if (!status.unwinding()) {
            return NONE;
        }
        if (order.holdState() == HoldState.HELD || order.holdState() == HoldState.REQUESTED) {
            return RELEASE_HOLD;
        }
        if (order.paymentState() == PaymentState.CAPTURED) {
            return REFUND_PAYMENT;
        }
        if (order.holdState() == HoldState.CONFIRMED) {
            return RETURN_STOCK;
        }
        return NONE;
    }
}
