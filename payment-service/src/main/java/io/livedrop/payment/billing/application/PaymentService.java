package io.livedrop.payment.billing.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.idempotency.IdempotencyLeaseLostException;
import io.livedrop.common.idempotency.IdempotencyProperties;
import io.livedrop.common.idempotency.IdempotentAttempt;
import io.livedrop.common.idempotency.StoredResponse;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.peer.PeerUnavailableException;
import io.livedrop.payment.billing.domain.PayOrder;
import io.livedrop.payment.billing.domain.Payment;
import io.livedrop.payment.billing.domain.PaymentStatus;
import io.livedrop.payment.billing.domain.PaymentView;
import io.livedrop.payment.billing.persistence.PaymentRepository;
import io.livedrop.payment.order.client.OrderApi.PayableOrder;
import io.livedrop.payment.order.client.OrderClient;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays an order: checks it with order-service (the caller's, {@code pending_payment}, before
 * {@code reservedUntil}), records the payment as {@code processing}, charges the card with the payment
 * id as the provider's idempotency key, then — in one transaction — records the outcome, emits
 * {@code payment.succeeded}/{@code payment.failed} and stores the 201 for the Idempotency-Key.
 *
 * <p>A charge refused before it reached the provider (open circuit, full bulkhead) ends the payment
 * {@code failed}/{@code provider_unavailable} (the order stays payable). A charge the provider did not
 * answer (timeout) may still be captured: the payment stays {@code processing}, the answer is a 503 that
 * is not stored, and the payment is settled from the provider's record ({@link PaymentSettlementService}) by a
 * retry with the same key or by the recovery job. A request that dies after the charge was sent is
 * continued with the same payment id by a retry with the same key, or finished by the recovery job.
 */
@Component
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final OrderClient orders;
    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final PaymentSettlementService settlement;
    private final TransactionTemplate transactions;
    private final PaymentProperties properties;
    private final IdempotencyProperties idempotency;
    private final MeterRegistry meters;
    private final Clock clock;

    PaymentService(
            OrderClient orders,
            PaymentRepository payments,
            PaymentProvider provider,
            PaymentSettlementService settlement,
            TransactionTemplate transactions,
            PaymentProperties properties,
            IdempotencyProperties idempotency,
            MeterRegistry meters,
            Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.provider = provider;
        this.settlement = settlement;
        this.transactions = transactions;
        this.properties = properties;
        this.idempotency = idempotency;
        this.meters = meters;
        this.clock = clock;
    }

    public StoredResponse pay(String userId, PayOrder request, IdempotentAttempt attempt) {
        UUID paymentId = attempt.operationId();
        Optional<Payment> earlier = attempt.resumed() ? payments.find(paymentId) : Optional.empty();
        if (earlier.isPresent() && earlier.get().status() != PaymentStatus.PROCESSING) {
            return answer(attempt, earlier.get());
        }
        if (earlier.isPresent() && earlier.get().chargeUnanswered()) {
            // the buyer retries a payment whose charge the provider did not answer: only its record decides
            return settleUnanswered(earlier.get(), attempt);
        }
        Payment payment;
        if (earlier.isPresent()) {
            // an attempt that died: charge again with the same key (the provider answers the first outcome)
            payment = earlier.get();
            if (!payments.markChargeRequested(paymentId, clock.instant())) {
                return answer(attempt, payments.find(paymentId).orElseThrow()); // finished meanwhile
            }
        } else {
            payment = startPayment(paymentId, userId, request.orderId(), attempt);
        }

        ChargeResult result;
        try {
            result = provider.charge(new PaymentProvider.Charge(
                    paymentId.toString(), payment.amountCents(), payment.currency(), request.cardToken()));
        } catch (ProviderUnavailableException unavailable) {
            if (unavailable.outcomeUnknown()) {
                throw unanswered(payment, attempt, unavailable);
            }
            log.info("Payment {} failed: {}", paymentId, unavailable.getMessage());
            result = ChargeResult.declined(Payment.PROVIDER_UNAVAILABLE);
        }
        ChargeResult outcome = result;
        return transactions.execute(status -> {
            Payment finished = settlement.finish(paymentId, outcome).orElseThrow(IdempotencyLeaseLostException::new);
            return attempt.complete(HttpStatus.CREATED, PaymentView.of(finished));
        });
    }

    private StoredResponse answer(IdempotentAttempt attempt, Payment finished) {
        return transactions.execute(status -> attempt.complete(HttpStatus.CREATED, PaymentView.of(finished)));
    }

    /**
     * The provider did not answer the charge, so it may have captured it or still do: the payment stays
     * {@code processing} (the order cannot be paid a second time) and is settled from the provider's
     * record, by the recovery job or by a retry with the same key, to which the key is handed back.
     */
    private ApiException unanswered(Payment payment, IdempotentAttempt attempt, ProviderUnavailableException cause) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            payments.markChargeUnanswered(payment.id(), now.plus(properties.recoveryGrace()), now);
            attempt.handBack();
        });
        log.info("Payment {} is unsettled, the provider did not answer: {}", payment.id(), cause.getMessage());
        meters.counter("livedrop.payments.unanswered").increment();
        return notSettledYet(payment.id());
    }

    private StoredResponse settleUnanswered(Payment payment, IdempotentAttempt attempt) {
        PaymentSettlementService.Outcome outcome = settlement.settle(payment);
        if (outcome instanceof PaymentSettlementService.Outcome.Settled settled) {
            return answer(attempt, settled.payment());
        }
        transactions.executeWithoutResult(status -> attempt.handBack());
        throw notSettledYet(payment.id());
    }

    private static ApiException notSettledYet(UUID paymentId) {
        return new ApiException(
                ErrorCode.SERVICE_UNAVAILABLE,
                "The payment provider has not confirmed payment " + paymentId + " yet; it is never charged twice."
                        + " Retry with the same Idempotency-Key for its outcome.");
    }

    private Payment startPayment(UUID paymentId, String userId, String orderId, IdempotentAttempt attempt) {
        PayableOrder order = payableOrder(userId, orderId);
        Instant now = clock.instant();
        Payment payment = new Payment(
                paymentId,
                order.id(),
                userId,
                order.totalCents(),
                order.currency(),
                PaymentStatus.PROCESSING,
                null,
                attempt.request().key().value(),
                // if this request dies, the recovery job finishes the payment after the key's lease
                now.plus(idempotency.lease()).plus(properties.recoveryGrace()),
                0,
                now,
                false,
                now,
                now);
        try {
            transactions.executeWithoutResult(status -> payments.insert(payment));
        } catch (DuplicateKeyException alreadyPaid) {
            throw notPayable("This order is already paid, or a payment for it is in progress");
        }
        return payment;
    }

    private PayableOrder payableOrder(String userId, String orderId) {
        if (Ids.parse(orderId).isEmpty()) {
            throw orderNotFound();
        }
        PayableOrder order;
        try {
            order = orders.find(orderId).orElseThrow(PaymentService::orderNotFound);
        } catch (PeerUnavailableException unavailable) {
            log.info("Cannot check order {}: {}", orderId, unavailable.getMessage());
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Orders cannot be checked right now; nothing was charged. Retry with the same Idempotency-Key.");
        }
        if (!order.userId().equals(userId)) {
            throw orderNotFound();
        }
        if (!PayableOrder.PENDING_PAYMENT.equals(order.status())) {
            throw notPayable("This order is " + order.status() + " and cannot be paid");
        }
        if (order.reservedUntil() != null && !order.reservedUntil().isAfter(clock.instant())) {
            throw notPayable("The reservation of this order has run out");
        }
        return order;
    }

    private static ApiException orderNotFound() {
        return new ApiException(ErrorCode.ORDER_NOT_FOUND, "No such order");
    }

    private static ApiException notPayable(String detail) {
        return new ApiException(ErrorCode.ORDER_NOT_PAYABLE, detail);
    }
}
