package io.livedrop.order.purchase.application;

import io.livedrop.common.idempotency.IdempotencyStore;
import io.livedrop.order.purchase.domain.HoldState;
import io.livedrop.order.purchase.domain.Order;
import io.livedrop.order.purchase.domain.OrderStatus;
import io.livedrop.order.purchase.persistence.OrderRepository;
import java.time.Clock;
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
 * Finishes what a crash or a peer outage interrupted: every order whose {@code work_due_at} has passed
 * is driven to the end of its saga. A {@code reserving} order is a placement whose request died (or
 * is still running): once the idempotency lease of its key has run out, the key is released and the
 * order undone ({@code rejected}, hold released), all in one transaction, so a retry with the key
 * starts afresh instead of resuming it.
 */
@Component
public class OrderRecoveryScheduler {

    private static final Logger log = LoggerFactory.getLogger(OrderRecoveryScheduler.class);

    private final OrderRepository orders;
    private final OrderSagaService saga;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate transactions;
    private final OrderProperties properties;
    private final Clock clock;

    OrderRecoveryScheduler(
            OrderRepository orders,
            OrderSagaService saga,
            IdempotencyStore idempotency,
            TransactionTemplate transactions,
            OrderProperties properties,
            Clock clock) {
        this.orders = orders;
        this.saga = saga;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${livedrop.order.recovery-interval:5s}",
            fixedDelayString = "${livedrop.order.recovery-interval:5s}")
    public void recoverDueOrders() {
        try {
            recoverOnce();
        } catch (RuntimeException e) {
            log.warn("Order recovery round failed: {}", e.getMessage());
        }
    }

    /** One round; returns how many orders it looked at. */
    public int recoverOnce() {
        Instant now = clock.instant();
        List<UUID> due = orders.claimDueWork(now, now.plus(properties.stepGrace()), properties.batchSize());
        for (UUID orderId : due) {
            try {
                finish(orderId);
            } catch (RuntimeException e) {
                log.warn("Could not recover order {}: {}", orderId, e.getMessage());
            }
        }
        return due.size();
    }

    private void finish(UUID orderId) {
        Boolean drive = transactions.execute(status -> {
            Optional<Order> found = orders.lock(orderId);
            if (found.isEmpty()) {
                return false;
            }
            Order order = found.get();
            if (order.status() != OrderStatus.RESERVING) {
                return true;
            }
            Optional<Instant> alive =
                    idempotency.releaseIfAbandoned(order.userId(), order.idempotencyKey(), order.id());
            if (alive.isPresent()) {
                orders.postponeWork(orderId, alive.get().plus(properties.stepGrace()));
                return false;
            }
            log.info("Placement of order {} was abandoned; undoing it", orderId);
            Instant now = clock.instant();
            orders.markRejected(orderId, HoldState.REQUESTED, now, now);
            return true;
        });
        if (Boolean.TRUE.equals(drive)) {
            saga.drive(orderId);
        }
    }
}
