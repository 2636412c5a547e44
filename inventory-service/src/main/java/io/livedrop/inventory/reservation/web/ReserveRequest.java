package io.livedrop.inventory.reservation.web;

import io.livedrop.inventory.reservation.domain.ReserveCommand;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /internal/inventory/reservations}. The quantity is capped at the largest stock a drop
 * can have, so no arithmetic on it can overflow.
 */
record ReserveRequest(
        @NotNull UUID reservationId,
        @NotNull UUID dropId,
        @NotBlank @Size(max = 255) String userId,
        @NotNull @Min(1) @Max(1_000_000) Integer quantity,
        @NotNull Instant expiresAt) {

    ReserveCommand toCommand() {
        return new ReserveCommand(reservationId, dropId, userId, quantity, expiresAt);
    }
}
