package io.livedrop.order.inventory.client;

import io.livedrop.common.peer.PeerCalls;
import io.livedrop.order.inventory.client.InventoryApi.InventoryDrop;
import io.livedrop.order.inventory.client.InventoryApi.Reservation;
import io.livedrop.order.inventory.client.InventoryApi.ReserveRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Holds, confirmations and releases at inventory-service, behind a circuit breaker. Every call is
 * idempotent on inventory's side (keyed by the order id), so the saga may repeat any of them.
 * Rejections surface as {@link io.livedrop.common.peer.PeerRejectedException}, outages as {@link
 * io.livedrop.common.peer.PeerUnavailableException}.
 */
public class InventoryClient {

    public static final String DROP_NOT_FOUND = "DROP_NOT_FOUND";
    public static final String RESERVATION_NOT_FOUND = "RESERVATION_NOT_FOUND";
    public static final String RESERVATION_NOT_ACTIVE = "RESERVATION_NOT_ACTIVE";

    private final InventoryApi api;
    private final PeerCalls calls;

    public InventoryClient(InventoryApi api, PeerCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    public Reservation reserve(UUID orderId, String dropId, String userId, int quantity, Instant expiresAt) {
        return calls.call(
                () -> api.reserve(new ReserveRequest(orderId.toString(), dropId, userId, quantity, expiresAt)));
    }

    public Reservation confirm(UUID orderId) {
        return calls.call(() -> api.confirm(orderId.toString()));
    }

    public Reservation release(UUID orderId) {
        return calls.call(() -> api.release(orderId.toString()));
    }

    public Reservation returnStock(UUID orderId) {
        return calls.call(() -> api.returnStock(orderId.toString()));
    }

    /** The drop's stock record, or empty when inventory has none ({@code DROP_NOT_FOUND}). */
    public Optional<InventoryDrop> drop(String dropId) {
        try {
            return Optional.ofNullable(calls.call(() -> api.drop(dropId)));
        } catch (io.livedrop.common.peer.PeerRejectedException rejected) {
            if (rejected.status() == 404) {
                return Optional.empty();
            }
            throw rejected;
        }
    }
}
