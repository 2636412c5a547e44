package io.livedrop.payment.billing.application;

import io.livedrop.common.idempotency.IdempotencyStore;
import io.livedrop.payment.billing.domain.Payment;
import io.livedrop.payment.billing.domain.PaymentStatus;
import io.livedrop.payment.billing.persistence.PaymentRepository;
import io.livedrop.payment.provider.domain.ProviderUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles payments left {@code processing} whose charge outcome is unknown, from the provider's record
 * by the payment id ({@link PaymentSettlementService}: captured → {@code succeeded}, or refunded when the order
 * no longer takes it; declined → {@code failed}; unknown to the provider after its late-capture window →
 * {@code failed}/{@code provider_unavailable}). It never starts a charge itself. Two kinds:
 *
 * <ul>
 *   <li>a request that died (crash, deploy) after it may have asked the provider: once its idempotency
 *       lease is over, its key is released (so no retry can charge again meanwhile) first;
 *   <li>a charge the provider did not answer in time: its key stays handed back to the buyer, whose
 *       retry with it may settle the payment concurrently (both settle conditionally).
 * </ul>
 *
 * <p>It also resumes refunds that were claimed ({@code refunding}) but not recorded by their deadline:
 * the provider is asked again by the payment's key (it refunds once) and the payment turns
 * {@code refunded}.
 */
@Component
public class PaymentRecoveryScheduler {

    private static final Logger log = LoggerFactory.getLogger(PaymentRecoveryScheduler.class);

    private final PaymentRepository payments;
    private final PaymentSettlementService settlement;
    private final RefundService refunds;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate transactions;
    private final PaymentProperties properties;
    private final Clock clock;

    PaymentRecoveryScheduler(
            PaymentRepository payments,
            PaymentSettlementService settlement,
            RefundService refunds,
            IdempotencyStore idempotency,
            TransactionTemplate transactions,
            PaymentProperties properties,
            Clock clock) {
        this.payments = payments;
        this.settlement = settlement;
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
        Instant now = clock.instant();
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
        postpone(payment, null);
    }

    /** Backs off exponentially (at most {@code retryMax}), but looks again by {@code lookAgainBy} if set. */
    private void postpone(Payment payment, Instant lookAgainBy) {
        int attempt = payment.workAttempts() + 1;
        Duration wait = Duration.ofSeconds(1L << Math.min(attempt, 6));
        Instant due = clock.instant().plus(wait.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : wait);
        if (lookAgainBy != null && lookAgainBy.isBefore(due)) {
            due = lookAgainBy;
        }
        payments.postponeWork(payment.id(), due, attempt);
    }

    private void recover(UUID paymentId) {
        Optional<Payment> due = transactions.execute(status -> {
            Optional<Payment> found = payments.lock(paymentId).filter(p -> p.status() == PaymentStatus.PROCESSING);
            if (found.isEmpty() || found.get().chargeUnanswered()) {
                // an unanswered charge: its key was handed back to the buyer, whose retry may settle it too;
                // every settling step is conditional, so the key is left alone
                return found;
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
        if (due.isEmpty()) {
            return;
        }
        Payment payment = due.get();
        switch (settlement.settle(payment)) {
            case PaymentSettlementService.Outcome.Settled settled ->
                log.info(
                        "Settled payment {} ({}) from the provider's record: {}",
                        paymentId,
                        payment.chargeUnanswered() ? "charge unanswered" : "request died",
                        settled.payment().status().value());
            case PaymentSettlementService.Outcome.Unknown unknown -> {
                log.debug("Payment {} still unsettled: {}", paymentId, unknown.reason());
                postpone(payment, unknown.lookAgainBy());
            }
        }
    }
}
