package io.livedrop.order.purchase.application;

import io.livedrop.order.purchase.domain.Order;
import io.livedrop.order.purchase.persistence.OrderRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires orders not paid by {@code reservedUntil}: status {@code expired} and {@code order.expired} in
 * one transaction, then the saga releases the hold. An order whose payment was already recorded is
 * never expired here (the saga confirms it, or expires and refunds it if the hold is gone). Safe with
 * several instances ({@code for update skip locked}).
 */
@Component
public class OrderExpiryScheduler {

    private static final Logger log = LoggerFactory.getLogger(OrderExpiryScheduler.class);

    private final OrderRepository orders;
    private final OrderSagaService saga;
    private final OrderEvents events;
    private final TransactionTemplate transactions;
    private final OrderProperties properties;
    private final Clock clock;

    OrderExpiryScheduler(
            OrderRepository orders,
            OrderSagaService saga,
            OrderEvents events,
            TransactionTemplate transactions,
            OrderProperties properties,
            Clock clock) {
        this.orders = orders;
        this.saga = saga;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${livedrop.order.expiry-interval:1s}",
            fixedDelayString = "${livedrop.order.expiry-interval:1s}")
    public void expireDueOrders() {
        try {
            List<Order> expired;
            do {
                expired = expireBatch();
                expired.forEach(order -> saga.drive(order.id()));
            } while (expired.size() == properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Order expiry round failed: {}", e.getMessage());
        }
    }

    List<Order> expireBatch() {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            List<Order> expired = orders.expireUnpaid(now, now.plus(properties.stepGrace()), properties.batchSize());
            expired.forEach(events::expired);
            return expired;
        });
    }
}
