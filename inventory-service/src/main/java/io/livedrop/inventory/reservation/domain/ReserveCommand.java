package io.livedrop.inventory.reservation.domain;

import java.time.Instant;
import java.util.UUID;

/** Hold {@code quantity} units of a drop for a user until {@code expiresAt}; the id makes it idempotent. */
public record ReserveCommand(UUID reservationId, UUID dropId, String userId, int quantity, Instant expiresAt) {}
