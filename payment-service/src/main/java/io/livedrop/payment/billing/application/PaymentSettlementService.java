package io.livedrop.payment.billing.application;

import io.livedrop.common.peer.PeerUnavailableException;
import io.livedrop.payment.billing.domain.Payment;
import io.livedrop.payment.billing.domain.PaymentStatus;
import io.livedrop.payment.billing.persistence.PaymentRepository;
import io.livedrop.payment.order.client.OrderApi.PayableOrder;
import io.livedrop.payment.order.client.OrderClient;
import io.livedrop.payment.provider.client.ProviderProperties;
import io.livedrop.payment.provider.domain.PaymentProvider;
import io.livedrop.payment.provider.domain.PaymentProvider.ChargeResult;
import io.livedrop.payment.provider.domain.ProviderUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the outcome of a payment's charge, and settles a {@code processing} payment whose charge
 * outcome is unknown (the provider did not answer, or the request died) from the provider's record by
 * key. It never requests a charge itself.
 *
 * <ul>
 *   <li>captured, and order-service still has the order {@code pending_payment} → {@code succeeded}
 *       with {@code payment.succeeded} (order-service's saga confirms the order, or refunds the payment
 *       if its hold is gone);
 *   <li>captured, but the order was paid another way, expired or cancelled meanwhile (or is unknown) →
 *       the capture is refunded at once ({@code succeeded → refunding → refunded}, see {@link RefundService})
 *       and nothing is announced: the order never took this payment;
 *   <li>declined → {@code failed} with the provider's code and {@code payment.failed};
 *   <li>unknown to the provider → still unknown while the provider may capture late (the late-capture
 *       window after the charge was requested); after it {@code failed}/{@code provider_unavailable} with
 *       {@code payment.failed}. That last verdict is a compare-and-set on the time of the charge request,
 *       so it cannot overwrite a charge requested meanwhile.
 * </ul>
 *
 * Every transition is conditional on the payment still being {@code processing}: the recovery job and a
 * buyer's retry with the same key may settle one payment at the same time, and only one of them wins.
 */
@Component
public class PaymentSettlementService {

    private static final Logger log = LoggerFactory.getLogger(PaymentSettlementService.class);

    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final OrderClient orders;
    private final PaymentEvents events;
    private final RefundService refunds;
    private final TransactionTemplate transactions;
    private final ProviderProperties providerProperties;
    private final MeterRegistry meters;
    private final Clock clock;

    PaymentSettlementService(
            PaymentRepository payments,
            PaymentProvider provider,
            OrderClient orders,
            PaymentEvents events,
            RefundService refunds,
            TransactionTemplate transactions,
            ProviderProperties providerProperties,
            MeterRegistry meters,
            Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.orders = orders;
        this.events = events;
        this.refunds = refunds;
        this.transactions = transactions;
        this.providerProperties = providerProperties;
        this.meters = meters;
        this.clock = clock;
    }

    /** What settling found. */
    public sealed interface Outcome {

        /** The payment is no longer {@code processing} (settled now or by someone else). */
        record Settled(Payment payment) implements Outcome {}

        /**
         * Still unknown; look again later, at the latest at {@code lookAgainBy} (null: no deadline).
         *
         * @param reason for the log
         */
        record Unknown(String reason, Instant lookAgainBy) implements Outcome {}
    }

    /**
     * Records the answer the provider gave to a charge request, and announces it; must run in a
     * transaction. Empty if the payment was already finished by someone else.
     */
    Optional<Payment> finish(UUID paymentId, ChargeResult result) {
        PaymentStatus status = result.captured() ? PaymentStatus.SUCCEEDED : PaymentStatus.FAILED;
        if (!payments.finish(paymentId, status, result.captured() ? null : result.declineCode(), clock.instant())) {
            return Optional.empty();
        }
        Payment finished = payments.find(paymentId).orElseThrow();
        events.finished(finished);
        return Optional.of(finished);
    }

    /** Settles a payment whose charge outcome is unknown from the provider's record; never charges. */
    public Outcome settle(Payment payment) {
        if (payment.status() != PaymentStatus.PROCESSING) {
            return new Outcome.Settled(payment);
        }
        Optional<ChargeResult> record;
        try {
            record = provider.findCharge(payment.id().toString());
        } catch (ProviderUnavailableException unavailable) {
            return new Outcome.Unknown("the provider cannot be asked: " + unavailable.getMessage(), null);
        }
        if (record.isEmpty()) {
            return neverCharged(payment);
        }
        ChargeResult result = record.get();
        if (!result.captured()) {
            return settled(payment.id(), transactions.execute(status -> finish(payment.id(), result)));
        }
        return captured(payment);
    }

    private Outcome neverCharged(Payment payment) {
        Instant requestedAt = payment.chargeRequestedAt() != null ? payment.chargeRequestedAt() : payment.createdAt();
        Instant windowEnd = requestedAt.plus(providerProperties.lateCaptureWindow());
        if (clock.instant().isBefore(windowEnd)) {
            return new Outcome.Unknown("the provider has no charge yet and may still capture one", windowEnd);
        }
        Optional<Payment> failed = transactions.execute(status -> {
            if (!payments.finishNeverCharged(
                    payment.id(), requestedAt, Payment.PROVIDER_UNAVAILABLE, clock.instant())) {
                return Optional.<Payment>empty();
            }
            Payment finished = payments.find(payment.id()).orElseThrow();
            events.finished(finished);
            return Optional.of(finished);
        });
        return settled(payment.id(), failed);
    }

    /** The provider captured the charge: the order gets it if it still wants it, otherwise it is refunded. */
    private Outcome captured(Payment payment) {
        Optional<PayableOrder> order;
        try {
            order = orders.find(payment.orderId());
        } catch (PeerUnavailableException unavailable) {
            return new Outcome.Unknown("order-service cannot be asked: " + unavailable.getMessage(), null);
        }
        boolean orderTakesIt = order.isPresent()
                && PayableOrder.PENDING_PAYMENT.equals(order.get().status())
                && order.get().userId().equals(payment.userId());
        if (orderTakesIt) {
            Optional<Payment> succeeded =
                    transactions.execute(status -> finish(payment.id(), ChargeResult.capturedCharge()));
            succeeded.ifPresent(p -> lateCaptures("succeeded"));
            return settled(payment.id(), succeeded);
        }
        Optional<Payment> claimed = transactions.execute(status -> {
            if (!payments.finish(payment.id(), PaymentStatus.SUCCEEDED, null, clock.instant())) {
                return Optional.<Payment>empty();
            }
            return Optional.of(refunds.claim(payments.find(payment.id()).orElseThrow()));
        });
        if (claimed.isEmpty()) {
            return settled(payment.id(), claimed);
        }
        lateCaptures("refunded");
        log.warn(
                "Payment {} was captured after its order {} became {}; refunding it",
                payment.id(),
                payment.orderId(),
                order.map(PayableOrder::status).orElse("unknown"));
        try {
            return new Outcome.Settled(refunds.complete(claimed.get()));
        } catch (ProviderUnavailableException unavailable) {
            // the refund is claimed: the recovery job finishes it after the claim's deadline
            log.info("Refund of payment {} postponed: {}", payment.id(), unavailable.getMessage());
            return new Outcome.Settled(claimed.get());
        }
    }

    /** The payment as it stands after an attempt to settle it (which may have lost to another). */
    private Outcome settled(UUID paymentId, Optional<Payment> settledNow) {
        if (settledNow.isPresent()) {
            return new Outcome.Settled(settledNow.get());
        }
        Payment current = payments.find(paymentId).orElseThrow();
        return current.status() == PaymentStatus.PROCESSING
                ? new Outcome.Unknown("a charge was requested meanwhile", null)
                : new Outcome.Settled(current);
    }

    private void lateCaptures(String outcome) {
        meters.counter("livedrop.payments.late.captures", "outcome", outcome).increment();
    }
}
