package io.livedrop.payment.payment.domain;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.payment.payment.persistence.PaymentRepository;
import io.livedrop.payment.provider.PaymentProvider;
import io.livedrop.payment.provider.ProviderUnavailableException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds the succeeded payment of an order (for order-service's saga: a cancelled confirmed order, or
 * a payment that came after its order expired). Idempotent: the provider refunds a charge once by its
 * key, and a refunded payment is answered as it is.
 */
@Component
public class Refunds {

    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Refunds(PaymentRepository payments, PaymentProvider provider, TransactionTemplate transactions, Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Holds the payment's row lock while the provider refunds (at most its time limit): concurrent
     * refunds of one order queue behind it and find it refunded, so the provider is asked once.
     */
    public Payment refund(String orderId) {
        return transactions.execute(status -> {
            Payment payment = payments.lockCaptured(orderId)
                    .orElseThrow(
                            () -> new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "The order has no succeeded payment"));
            if (payment.status() == PaymentStatus.REFUNDED) {
                return payment;
            }
            try {
                provider.refund(payment.id().toString());
            } catch (ProviderUnavailableException unavailable) {
                throw new ApiException(
                        ErrorCode.SERVICE_UNAVAILABLE, "The payment provider is unavailable; retry later");
            }
            payments.markRefunded(payment.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
            return payments.find(payment.id()).orElseThrow();
        });
    }
}
