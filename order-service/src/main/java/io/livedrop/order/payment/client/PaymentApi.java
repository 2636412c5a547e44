package io.livedrop.order.payment.client;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** payment-service's internal API (docs/INTERNAL-API.md). */
@HttpExchange(url = "/internal/payments", accept = "application/json", contentType = "application/json")
public interface PaymentApi {

    /** Refunds the order's succeeded payment; idempotent. 404 {@code PAYMENT_NOT_FOUND} if there is none. */
    @PostExchange("/refunds")
    Refund refund(@RequestBody RefundRequest request);

    record RefundRequest(String orderId) {}

    record Refund(String paymentId, String orderId, long amountCents, String currency, String status) {}
}
