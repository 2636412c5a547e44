package io.livedrop.payment.billing.application;

import io.livedrop.common.events.PaymentFailed;
import io.livedrop.common.events.PaymentSucceeded;
import io.livedrop.common.outbox.Outbox;
import io.livedrop.payment.billing.domain.Payment;
import io.livedrop.payment.billing.domain.PaymentStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces finished payments ({@code payment.succeeded} / {@code payment.failed}, keyed by order id)
 * through the outbox, in the transaction that finished them, and counts them after the commit.
 */
@Component
public class PaymentEvents {

    private final Outbox outbox;
    private final MeterRegistry meters;

    PaymentEvents(Outbox outbox, MeterRegistry meters) {
        this.outbox = outbox;
        this.meters = meters;
    }

    public void finished(Payment payment) {
        if (payment.status() == PaymentStatus.SUCCEEDED) {
            outbox.publish(
                    PaymentSucceeded.TOPIC,
                    payment.orderId(),
                    new PaymentSucceeded(
                            payment.id().toString(),
                            payment.orderId(),
                            payment.userId(),
                            payment.amountCents(),
                            payment.currency(),
                            null));
        } else {
            outbox.publish(
                    PaymentFailed.TOPIC,
                    payment.orderId(),
                    new PaymentFailed(
                            payment.id().toString(),
                            payment.orderId(),
                            payment.userId(),
                            payment.amountCents(),
                            payment.currency(),
                            payment.failureCode()));
        }
        String outcome = payment.status() == PaymentStatus.SUCCEEDED ? "succeeded" : payment.failureCode();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                meters.counter("livedrop.payments", "outcome", outcome).increment();
            }
        });
    }
}
