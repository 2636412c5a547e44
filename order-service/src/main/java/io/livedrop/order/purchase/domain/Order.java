package io.livedrop.order.purchase.domain;

import io.livedrop.order.drop.domain.DropInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * An order and the state of its saga. Transitions return a new value; the repository writes it only
 * if nobody changed the row meanwhile ({@code version}).
 *
 * @param workDueAt when the recovery job should look at this order (a saga step left, or a placement
 *     that may have been abandoned); null when there is nothing left to do
 */
public record Order(
        UUID id,
        String userId,
        String dropId,
        String productId,
        int quantity,
        long unitPriceCents,
        long totalCents,
        String currency,
        OrderStatus status,
        HoldState holdState,
        PaymentState paymentState,
        String paymentId,
        String idempotencyKey,
        Instant reservedUntil,
        Instant workDueAt,
        int workAttempts,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    public static Order reserving(
            UUID id,
            String userId,
            DropInfo drop,
            int quantity,
            String idempotencyKey,
            Instant now,
            Instant reservedUntil,
            Instant abandonedAfter) {
        return new Order(
                id,
                userId,
                drop.dropId(),
                drop.productId(),
                quantity,
                drop.unitPriceCents(),
                Math.multiplyExact(drop.unitPriceCents(), quantity),
                drop.currency(),
                OrderStatus.RESERVING,
                HoldState.REQUESTED,
                PaymentState.NONE,
                null,
                idempotencyKey,
                reservedUntil,
                abandonedAfter,
                0,
                0,
                now,
                now);
    }

    public boolean ownedBy(String user) {
        return userId.equals(user);
    }

    /**
     * The order after a transition; the status may only change as {@link OrderStatus#canBecome} allows.
     *
     * @throws IllegalStateException for a status change the state machine refuses
     */
    public Order with(OrderStatus newStatus, HoldState newHold, PaymentState newPayment, Instant now) {
        if (newStatus != status && !status.canBecome(newStatus)) {
            throw new IllegalStateException("order " + id + " cannot go from " + status + " to " + newStatus);
        }
        return copy(newStatus, newHold, newPayment, paymentId, workDueAt, workAttempts, now);
    }

    public Order withStatus(OrderStatus newStatus, Instant now) {
        return with(newStatus, holdState, paymentState, now);
    }

    public Order withHold(HoldState newHold, Instant now) {
        return with(status, newHold, paymentState, now);
    }

    public Order withPaymentCaptured(String newPaymentId, Instant now) {
        return copy(status, holdState, PaymentState.CAPTURED, newPaymentId, workDueAt, workAttempts, now);
    }

    /** Schedules (or clears, with null) the recovery job's next look and resets the retry count. */
    public Order withWorkDue(Instant due) {
        return withWork(due, 0);
    }

    public Order withWork(Instant due, int attempts) {
        return copy(status, holdState, paymentState, paymentId, due, attempts, updatedAt);
    }

    /** This order with its saga state replaced; what was bought, by whom and when never changes. */
    private Order copy(
            OrderStatus newStatus,
            HoldState newHold,
            PaymentState newPayment,
            String newPaymentId,
            Instant due,
            int attempts,
            Instant newUpdatedAt) {
        return new Order(
                id,
                userId,
                dropId,
                productId,
                quantity,
                unitPriceCents,
                totalCents,
                currency,
                newStatus,
                newHold,
                newPayment,
                newPaymentId,
                idempotencyKey,
                reservedUntil,
                due,
                attempts,
                version,
                createdAt,
                newUpdatedAt);
    }
}
