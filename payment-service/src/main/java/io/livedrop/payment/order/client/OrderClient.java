package io.livedrop.payment.order.client;

import io.livedrop.common.peer.PeerCalls;
import io.livedrop.common.peer.PeerRejectedException;
import io.livedrop.payment.order.client.OrderApi.PayableOrder;
import java.util.Optional;

/** Reads orders from order-service, behind a circuit breaker. */
public class OrderClient {

    private final OrderApi api;
    private final PeerCalls calls;

    public OrderClient(OrderApi api, PeerCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    /**
     * The order, or empty when order-service does not know it. Throws {@link
     * io.livedrop.common.peer.PeerUnavailableException} when it cannot say.
     */
    public Optional<PayableOrder> find(String orderId) {
        try {
            return Optional.ofNullable(calls.call(() -> api.order(orderId)));
        } catch (PeerRejectedException rejected) {
            if (rejected.status() == 404) {
                return Optional.empty();
            }
            throw rejected;
        }
    }
}
