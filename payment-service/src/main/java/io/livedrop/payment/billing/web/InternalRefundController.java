package io.livedrop.payment.billing.web;

import io.livedrop.payment.billing.application.RefundService;
import io.livedrop.payment.billing.domain.Payment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /internal/payments/refunds} for order-service (docs/INTERNAL-API.md); service token only. */
@RestController
class InternalRefundController {

    private final RefundService refunds;

    InternalRefundController(RefundService refunds) {
        this.refunds = refunds;
    }

    @PostMapping("/internal/payments/refunds")
    Refund refund(@Valid @RequestBody RefundRequest request) {
        return Refund.of(refunds.refund(request.orderId()));
    }

    record RefundRequest(@NotBlank String orderId) {}

    record Refund(String paymentId, String orderId, long amountCents, String currency, String status) {

        static Refund of(Payment payment) {
            return new Refund(
                    payment.id().toString(),
                    payment.orderId(),
                    payment.amountCents(),
                    payment.currency(),
                    payment.status().value());
        }
    }
}
