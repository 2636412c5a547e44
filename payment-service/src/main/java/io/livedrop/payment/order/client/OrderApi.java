package io.livedrop.payment.order.client;

import java.time.Instant;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** order-service's internal API (docs/INTERNAL-API.md). */
@HttpExchange(url = "/internal/orders", accept = "application/json")
public interface OrderApi {

    /** 404 {@code ORDER_NOT_FOUND} for an unknown order. */
    @GetExchange("/{orderId}")
    PayableOrder order(@PathVariable String orderId);

    record PayableOrder(
            String id,
            String userId,
            String dropId,
            String status,
            long totalCents,
            String currency,
            Instant reservedUntil) {

        public static final String PENDING_PAYMENT = "pending_payment";
    }
}
