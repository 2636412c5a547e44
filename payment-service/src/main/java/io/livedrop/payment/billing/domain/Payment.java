package io.livedrop.payment.billing.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment for an order. Its id is also the provider's idempotency key, so however often a charge
 * for it is attempted, the card is charged at most once.
 *
 * @param chargeRequestedAt when a charge was last requested from the provider
 * @param chargeUnanswered the provider did not answer that request: only its record can settle the
 *     payment (it may capture late), and the charge is never requested again
 */
public record Payment(
        UUID id,
        String orderId,
        String userId,
        long amountCents,
        String currency,
        PaymentStatus status,
        String failureCode,
        String idempotencyKey,
        Instant workDueAt,
        int workAttempts,
        Instant chargeRequestedAt,
        boolean chargeUnanswered,
        Instant createdAt,
        Instant updatedAt) {

    public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";

    public boolean ownedBy(String user) {
        return userId.equals(user);
    }
}
