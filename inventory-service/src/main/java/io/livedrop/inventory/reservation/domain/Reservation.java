package io.livedrop.inventory.reservation.domain;

import java.time.Instant;
import java.util.UUID;

/** A hold of {@code quantity} units of a drop for a user (INTERNAL-API.md {@code Reservation}). */
public record Reservation(
        UUID reservationId,
        UUID dropId,
        String userId,
        int quantity,
        ReservationStatus status,
        Instant expiresAt,
        Instant createdAt) {}
