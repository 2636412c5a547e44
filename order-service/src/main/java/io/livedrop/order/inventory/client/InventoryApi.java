package io.livedrop.order.inventory.client;

import java.time.Instant;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** inventory-service's internal API (docs/INTERNAL-API.md); the reservation id is the order id. */
@HttpExchange(url = "/internal/inventory", accept = "application/json", contentType = "application/json")
public interface InventoryApi {

    @PostExchange("/reservations")
    Reservation reserve(@RequestBody ReserveRequest request);

    @PostExchange("/reservations/{reservationId}/confirm")
    Reservation confirm(@PathVariable String reservationId);

    @PostExchange("/reservations/{reservationId}/release")
    Reservation release(@PathVariable String reservationId);

    @PostExchange("/reservations/{reservationId}/return")
    Reservation returnStock(@PathVariable String reservationId);

    @GetExchange("/drops/{dropId}")
    InventoryDrop drop(@PathVariable String dropId);

    record ReserveRequest(String reservationId, String dropId, String userId, int quantity, Instant expiresAt) {}

    record Reservation(
            String reservationId,
            String dropId,
            String userId,
            int quantity,
            String status,
            Instant expiresAt,
            Instant createdAt) {}

    record InventoryDrop(
            String dropId,
            int stock,
            int available,
            int reserved,
            int sold,
            Instant startsAt,
            Instant endsAt,
            int perUserLimit) {}
}
