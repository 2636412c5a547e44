package io.livedrop.payment.billing.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.payment.billing.domain.Payment;
import io.livedrop.payment.billing.persistence.PaymentRepository;
import org.springframework.stereotype.Component;

/** Reading payments: only the payer's own; anything else is 404. */
@Component
public class PaymentQueryService {

    private final PaymentRepository payments;

    PaymentQueryService(PaymentRepository payments) {
        this.payments = payments;
    }

    public Payment ownPayment(String userId, String paymentId) {
        return Ids.parse(paymentId)
                .flatMap(payments::find)
                .filter(payment -> payment.ownedBy(userId))
                .orElseThrow(() -> new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "No such payment"));
    }
}
