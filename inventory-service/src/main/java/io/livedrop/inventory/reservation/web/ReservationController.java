package io.livedrop.inventory.reservation.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.inventory.reservation.application.ReservationMetrics;
import io.livedrop.inventory.reservation.application.ReservationService;
import io.livedrop.inventory.reservation.domain.Reservation;
import io.livedrop.inventory.reservation.domain.ReserveResult;
import io.livedrop.inventory.reservation.domain.Reserver;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Holds for order-service (INTERNAL-API.md); {@code /internal/**} needs a service token. */
@RestController
@RequestMapping("/internal/inventory/reservations")
class ReservationController {

    private final Reserver reserver;
    private final ReservationService reservations;
    private final ReservationMetrics metrics;

    ReservationController(Reserver reserver, ReservationService reservations, ReservationMetrics metrics) {
        this.reserver = reserver;
        this.reservations = reservations;
        this.metrics = metrics;
    }

    /** 201 with a new hold; 200 with the existing one when the reservation id is known. */
    @PostMapping
    ResponseEntity<Reservation> reserve(@Valid @RequestBody ReserveRequest request) {
        ReserveResult result = metrics.timeReserve(() -> reserver.reserve(request.toCommand()));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result.reservation());
    }

    @PostMapping("/{reservationId}/confirm")
    Reservation confirm(@PathVariable String reservationId) {
        return reservations.confirm(id(reservationId));
    }

    @PostMapping("/{reservationId}/release")
    Reservation release(@PathVariable String reservationId) {
        return reservations.release(id(reservationId));
    }

    @PostMapping("/{reservationId}/return")
    Reservation returnSold(@PathVariable String reservationId) {
        return reservations.returnSold(id(reservationId));
    }

    private static UUID id(String reservationId) {
        return Ids.parse(reservationId)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.RESERVATION_NOT_FOUND, "Reservation " + reservationId + " does not exist"));
    }
}
