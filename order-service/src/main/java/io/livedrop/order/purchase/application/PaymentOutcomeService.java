package io.livedrop.order.purchase.application;

import io.livedrop.common.events.PaymentFailed;
import io.livedrop.common.events.PaymentSucceeded;
import io.livedrop.common.ids.Ids;
import io.livedrop.order.purchase.domain.Order;
import io.livedrop.order.purchase.domain.PaymentState;
import io.livedrop.order.purchase.persistence.OrderRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What payments mean for orders. A succeeded payment is recorded on the order (in the consumer's
 * dedupe transaction) and the saga then confirms the hold, or — if the order is no longer pending
 * (expired, cancelled) or the hold turns out to be gone — refunds it. A failed payment changes
 * nothing: the order stays payable until {@code reservedUntil}.
 */
@Component
public class PaymentOutcomeService {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomeService.class);

    private final OrderRepository orders;
    private final OrderSagaService saga;
    private final OrderMetrics metrics;
    private final Clock clock;

    PaymentOutcomeService(OrderRepository orders, OrderSagaService saga, OrderMetrics metrics, Clock clock) {
        this.orders = orders;
        this.saga = saga;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Records the payment; must run inside the consumer's transaction.
     *
     * @return the order to drive after the commit, if the payment changed it
     */
    public Optional<UUID> recordSucceeded(PaymentSucceeded payment) {
        Optional<Order> found = Ids.parse(payment.orderId()).flatMap(orders::lock);
        if (found.isEmpty()) {
            log.warn("payment.succeeded {} for unknown order {}", payment.paymentId(), payment.orderId());
            return Optional.empty();
        }
        Order order = found.get();
        if (payment.paymentId().equals(order.paymentId())) {
            return Optional.empty();
        }
        if (order.paymentState() != PaymentState.NONE) {
            // payment-service allows one succeeded payment per order; anything else needs a human
            log.error(
                    "Order {} already paid by {}; ignoring second payment {}",
                    order.id(),
                    order.paymentId(),
                    payment.paymentId());
            return Optional.empty();
        }
        Instant now = clock.instant();
        Order paid = order.withPaymentCaptured(payment.paymentId(), now);
        Instant due = saga.dueAfterGrace(paid, now);
        paid = paid.withWorkDue(due != null ? due : order.workDueAt());
        orders.update(order, paid);
        return Optional.of(order.id());
    }

    public void recordFailed(PaymentFailed payment) {
        log.debug("Payment {} for order {} failed: {}", payment.paymentId(), payment.orderId(), payment.failureCode());
        metrics.paymentFailed();
    }

    public void finish(UUID orderId) {
        saga.drive(orderId);
    }
}
