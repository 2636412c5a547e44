package io.livedrop.order.purchase.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.order.purchase.domain.Order;
import io.livedrop.order.purchase.domain.OrderStatus;
import io.livedrop.order.purchase.persistence.OrderRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The buyer cancels: the order becomes {@code cancelled} (and {@code order.cancelled} is emitted) in
 * one transaction, then the saga gives back what is due — the hold of a pending order; the money and
 * then the sold stock of a confirmed one. If a peer is down the answer is still {@code cancelled}:
 * the cancellation is recorded and the recovery job finishes the refund/return.
 */
@Component
public class OrderCancellationService {

    private final OrderRepository orders;
    private final OrderSagaService saga;
    private final OrderEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderCancellationService(
            OrderRepository orders,
            OrderSagaService saga,
            OrderEvents events,
            TransactionTemplate transactions,
            Clock clock) {
        this.orders = orders;
        this.saga = saga;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Order cancel(String userId, String orderId) {
        UUID id = Ids.parse(orderId).orElseThrow(OrderQueryService::notFound);
        transactions.executeWithoutResult(status -> {
            Order order = orders.lock(id)
                    .filter(o -> o.status().visible() && o.ownedBy(userId))
                    .orElseThrow(OrderQueryService::notFound);
            switch (order.status()) {
                case CANCELLED -> {
                    // already cancelled: the same answer again
                }
                case EXPIRED ->
                    throw new ApiException(
                            ErrorCode.ORDER_NOT_CANCELLABLE, "This order expired; there is nothing to cancel");
                case PENDING_PAYMENT, CONFIRMED -> {
                    Instant now = clock.instant();
                    Order cancelled = order.withStatus(OrderStatus.CANCELLED, now);
                    cancelled = cancelled.withWorkDue(saga.dueAfterGrace(cancelled, now));
                    orders.update(order, cancelled);
                    events.cancelled(cancelled);
                }
                default -> throw OrderQueryService.notFound();
            }
        });
        return saga.drive(id).orElseThrow(OrderQueryService::notFound);
    }
}
