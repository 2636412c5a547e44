package io.livedrop.payment.billing.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.payment.billing.domain.Payment;
import io.livedrop.payment.billing.domain.PaymentStatus;
import io.livedrop.payment.billing.persistence.PaymentRepository;
import io.livedrop.payment.provider.client.ProviderProperties;
import io.livedrop.payment.provider.domain.PaymentProvider;
import io.livedrop.payment.provider.domain.ProviderUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds the succeeded payment of an order (for order-service's saga: a cancelled confirmed order, or
 * a payment that came after its order expired; and for late captures this service refunds itself).
 * Idempotent: the provider refunds a charge once by its key, and a refunded payment is answered as it is.
 *
 * <p>No transaction — no row lock, no pooled connection — is held while the provider works: a short
 * transaction <b>claims</b> the refund ({@code succeeded → refunding}, with a claim deadline in
 * {@code work_due_at}), the provider is asked outside any transaction, and a single statement records
 * the outcome ({@code refunding → refunded}). A claimed refund is decided: if the provider fails or the
 * process dies after the claim, the next refund request for the order or the recovery job (after the
 * claim's deadline) asks the provider again, by the same key, so the charge is refunded exactly once.
 */
@Component
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration CLAIMANT_MARGIN = Duration.ofSeconds(1);

    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final TransactionTemplate transactions;
    private final PaymentProperties properties;
    private final ProviderProperties providerProperties;
    private final Clock clock;

    RefundService(
            PaymentRepository payments,
            PaymentProvider provider,
            TransactionTemplate transactions,
            PaymentProperties properties,
            ProviderProperties providerProperties,
            Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.transactions = transactions;
        this.properties = properties;
        this.providerProperties = providerProperties;
        this.clock = clock;
    }

    /**
     * Refunds the order's captured payment. Concurrent requests for one order find the claim of the
     * first and wait (without a transaction) for it to be recorded; a claim whose holder seems gone is
     * resumed by asking the provider again (idempotent by key).
     *
     * @throws ApiException {@code PAYMENT_NOT_FOUND} when the order has no succeeded payment, {@code
     *     SERVICE_UNAVAILABLE} when the provider cannot refund right now (the claim stays and is resumed)
     */
    public Payment refund(String orderId) {
        Claim claim = transactions.execute(status -> {
            Payment captured = payments.lockCaptured(orderId)
                    .orElseThrow(
                            () -> new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "The order has no succeeded payment"));
            return captured.status() == PaymentStatus.SUCCEEDED
                    ? new Claim(claim(captured), true)
                    : new Claim(captured, false);
        });
        Payment payment = claim.payment();
        if (payment.status() == PaymentStatus.REFUNDED) {
            return payment;
        }
        if (!claim.ours()) {
            Optional<Payment> refunded = awaitOtherClaimant(payment);
            if (refunded.isPresent()) {
                return refunded.get();
            }
        }
        try {
            return complete(payment);
        } catch (ProviderUnavailableException unavailable) {
            log.info("Refund of payment {} postponed: {}", payment.id(), unavailable.getMessage());
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The payment provider is unavailable; retry later");
        }
    }

    private record Claim(Payment payment, boolean ours) {}

    /**
     * Another request claimed the refund and is (probably) asking the provider: wait for its outcome, at
     * most as long as its provider call can take, polling without holding a connection in between.
     */
    private Optional<Payment> awaitOtherClaimant(Payment refunding) {
        Instant giveUp = clock.instant().plus(providerProperties.timeout()).plus(CLAIMANT_MARGIN);
        if (refunding.workDueAt() != null && refunding.workDueAt().isBefore(giveUp)) {
            giveUp = refunding.workDueAt();
        }
        while (clock.instant().isBefore(giveUp)) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            Payment current = payments.find(refunding.id()).orElseThrow();
            if (current.status() == PaymentStatus.REFUNDED) {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code succeeded → refunding}; must run in the caller's transaction (the one that decided the
     * refund). The refund itself is {@link #complete}d after that transaction committed.
     */
    Payment claim(Payment succeeded) {
        Instant now = clock.instant();
        // past this deadline the provider call surely ended (time limiter), so the recovery job resumes it
        Instant claimedUntil = now.plus(providerProperties.timeout()).plus(properties.recoveryGrace());
        if (!payments.claimRefund(succeeded.id(), claimedUntil, now)) {
            throw new IllegalStateException("payment " + succeeded.id() + " is not succeeded");
        }
        return payments.find(succeeded.id()).orElseThrow();
    }

    /**
     * Asks the provider to refund a claimed ({@code refunding}) payment and records it {@code refunded}.
     * Runs outside any transaction. Throws {@link ProviderUnavailableException} when the provider does
     * not refund now; the payment stays {@code refunding} for a retry.
     */
    public Payment complete(Payment refunding) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the provider is never called inside a transaction");
        }
        provider.refund(refunding.id().toString());
        if (payments.markRefunded(refunding.id(), clock.instant())) {
            log.info("Refunded payment {} of order {}", refunding.id(), refunding.orderId());
        }
        return payments.find(refunding.id()).orElseThrow();
    }
}
