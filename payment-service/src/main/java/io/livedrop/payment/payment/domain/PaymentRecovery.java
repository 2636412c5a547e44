package io.livedrop.payment.payment.domain;

import io.livedrop.common.idempotency.IdempotencyStore;
import io.livedrop.payment.payment.persistence.PaymentRepository;
import io.livedrop.payment.provider.PaymentProvider;
import io.livedrop.payment.provider.PaymentProvider.ChargeResult;
import io.livedrop.payment.provider.ProviderUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finishes payments left {@code processing} by a request that died (crash, deploy) after it may have
 * asked the provider. Once the request's idempotency lease is over, its key is released (so no retry
 * can resume the payment meanwhile) and the provider is asked what became of the charge, by the
 * payment id: captured → {@code succeeded}, declined → {@code failed}, never seen →
 * {@code failed}/{@code provider_unavailable}. It never starts a charge itself.
 *
 * <p>It also resumes refunds that were claimed ({@code refunding}) but not recorded by their deadline:
 * the provider is asked again by the payment's key (it refunds once) and the payment turns
 * {@code refunded}.
 */
@Component
public class PaymentRecovery {

    private static final Logger log = LoggerFactory.getLogger(PaymentRecovery.class);

    private final PaymentRepository payments;
    private final PaymentProcessing processing;
    private final PaymentProvider provider;
    private final Refunds refunds;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate transactions;
    private final PaymentProperties properties;
    private final Clock clock;

    PaymentRecovery(
            PaymentRepository payments,
            PaymentProcessing processing,
            PaymentProvider provider,
            Refunds refunds,
            IdempotencyStore idempotency,
            TransactionTemplate transactions,
            PaymentProperties properties,
            Clock clock) {
        this.payments = payments;
        this.processing = processing;
        this.provider = provider;
        this.refunds = refunds;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${livedrop.payment.recovery-interval:5s}",
            fixedDelayString = "${livedrop.payment.recovery-interval:5s}")
    public void recoverOverduePayments() {
        try {
            recoverOnce();
        } catch (RuntimeException e) {
            log.warn("Payment recovery round failed: {}", e.getMessage());
        }
    }

    public int recoverOnce() {
        Instant now = now();
        List<UUID> overdue = payments.claimOverdue(now, now.plus(properties.recoveryGrace()), properties.batchSize());
        for (UUID paymentId : overdue) {
            try {
                Optional<Payment> payment = payments.find(paymentId);
                if (payment.isPresent() && payment.get().status() == PaymentStatus.REFUNDING) {
                    resumeRefund(payment.get());
                } else {
                    recover(paymentId);
                }
            } catch (RuntimeException e) {
                log.warn("Could not recover payment {}: {}", paymentId, e.getMessage());
            }
        }
        return overdue.size();
    }

    /** A refund claimed by a request that died, or whose provider call failed: ask the provider again. */
    private void resumeRefund(Payment refunding) {
        try {
            refunds.complete(refunding);
            log.info("Resumed the claimed refund of payment {}", refunding.id());
        } catch (ProviderUnavailableException unavailable) {
            log.info("Refund of payment {} postponed: {}", refunding.id(), unavailable.getMessage());
            postpone(refunding);
        }
    }

    private void postpone(Payment payment) {
        int attempt = payment.workAttempts() + 1;
        Duration wait = Duration.ofSeconds(1L << Math.min(attempt, 6));
        payments.postponeWork(
                payment.id(),
                now().plus(wait.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : wait),
                attempt);
    }

    private void recover(UUID paymentId) {
        Optional<Payment> abandoned = transactions.execute(status -> {
            Optional<Payment> found = payments.lock(paymentId).filter(p -> p.status() == PaymentStatus.PROCESSING);
            if (found.isEmpty()) {
                return Optional.<Payment>empty();
            }
            Payment payment = found.get();
            Optional<Instant> alive =
                    idempotency.releaseIfAbandoned(payment.userId(), payment.idempotencyKey(), payment.id());
            if (alive.isPresent()) {
                payments.postponeWork(paymentId, alive.get().plus(properties.recoveryGrace()), payment.workAttempts());
                return Optional.<Payment>empty();
            }
            return found;
        });
        if (abandoned.isEmpty()) {
            return;
        }
        Payment payment = abandoned.get();
        ChargeResult result;
        try {
            result = provider.findCharge(paymentId.toString())
                    .orElse(ChargeResult.declined(Payment.PROVIDER_UNAVAILABLE));
        } catch (ProviderUnavailableException unavailable) {
            postpone(payment);
            return;
        }
        log.info(
                "Recovered payment {} of a request that died: {}",
                paymentId,
                result.captured() ? "captured" : result.declineCode());
        transactions.executeWithoutResult(status -> processing.finish(paymentId, result));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
