package io.livedrop.payment.payment.domain;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.payment.payment.persistence.PaymentRepository;
import org.springframework.stereotype.Component;

/** Reading payments: only the payer's own; anything else is 404. */
@Component
public class PaymentQueries {

    private final PaymentRepository payments;

    PaymentQueries(PaymentRepository payments) {
        this.payments = payments;
    }

    public Payment ownPayment(String userId, String paymentId) {
        return Ids.parse(paymentId)
                .flatMap(payments::find)
                .filter(payment -> payment.ownedBy(userId))
                .orElseThrow(() -> new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "No such payment"));
    }
}
