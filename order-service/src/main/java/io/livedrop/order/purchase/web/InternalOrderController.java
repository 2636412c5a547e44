package io.livedrop.order.purchase.web;

import io.livedrop.order.purchase.application.OrderQueryService;
import io.livedrop.order.purchase.domain.Order;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /internal/orders/{orderId}} for payment-service (docs/INTERNAL-API.md); service token only. */
@RestController
class InternalOrderController {

    private final OrderQueryService queries;

    InternalOrderController(OrderQueryService queries) {
        this.queries = queries;
    }

    @GetMapping("/internal/orders/{orderId}")
    InternalOrder get(@PathVariable String orderId) {
        return InternalOrder.of(queries.anyOrder(orderId));
    }

    record InternalOrder(
            String id,
            String userId,
            String dropId,
            String status,
            long totalCents,
            String currency,
            Instant reservedUntil) {

        static InternalOrder of(Order order) {
            return new InternalOrder(
                    order.id().toString(),
                    order.userId(),
                    order.dropId(),
                    order.status().value(),
                    order.totalCents(),
                    order.currency(),
                    order.reservedUntil());
        }
    }
}
