package io.livedrop.order.purchase.application;

import io.livedrop.common.events.OrderCancelled;
import io.livedrop.common.events.OrderConfirmed;
import io.livedrop.common.events.OrderCreated;
import io.livedrop.common.events.OrderExpired;
import io.livedrop.common.events.OrderOutcome;
import io.livedrop.common.outbox.Outbox;
import io.livedrop.order.purchase.domain.Order;
import io.livedrop.order.purchase.domain.OrderStatus;
import org.springframework.stereotype.Component;

/**
 * Announces order transitions through the outbox, inside the transaction that made them (after the
 * order row was written, so events of one order keep commit order).
 */
@Component
public class OrderEvents {

    private final Outbox outbox;
    private final OrderMetrics metrics;

    OrderEvents(Outbox outbox, OrderMetrics metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
    }

    public void created(Order order) {
        outbox.publish(
                OrderCreated.TOPIC,
                key(order),
                new OrderCreated(
                        key(order),
                        order.userId(),
                        order.dropId(),
                        order.quantity(),
                        order.totalCents(),
                        order.currency(),
                        OrderStatus.PENDING_PAYMENT.value(),
                        order.reservedUntil()));
        metrics.placed();
    }

    public void confirmed(Order order) {
        publishOutcome(OrderConfirmed.TOPIC, order, OrderConfirmed::new);
        metrics.confirmed();
    }

    public void cancelled(Order order) {
        publishOutcome(OrderCancelled.TOPIC, order, OrderCancelled::new);
        metrics.cancelled();
    }

    public void expired(Order order) {
        publishOutcome(OrderExpired.TOPIC, order, OrderExpired::new);
        metrics.expired();
    }

    /** The end of an order's saga: each outcome event carries the same facts of the order. */
    private void publishOutcome(String topic, Order order, OutcomeEvent event) {
        outbox.publish(
                topic,
                key(order),
                event.of(
                        key(order),
                        order.userId(),
                        order.dropId(),
                        order.quantity(),
                        order.totalCents(),
                        order.currency()));
    }

    @FunctionalInterface
    private interface OutcomeEvent {
        OrderOutcome of(String orderId, String userId, String dropId, int quantity, long totalCents, String currency);
    }

    private static String key(Order order) {
        return order.id().toString();
    }
}
