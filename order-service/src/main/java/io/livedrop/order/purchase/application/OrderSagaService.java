package io.livedrop.order.purchase.application;

import io.livedrop.common.peer.PeerRejectedException;
import io.livedrop.common.peer.PeerUnavailableException;
import io.livedrop.order.inventory.client.InventoryClient;
import io.livedrop.order.payment.client.PaymentClient;
import io.livedrop.order.purchase.domain.HoldState;
import io.livedrop.order.purchase.domain.Order;
import io.livedrop.order.purchase.domain.OrderStatus;
import io.livedrop.order.purchase.domain.PaymentState;
import io.livedrop.order.purchase.domain.SagaStep;
import io.livedrop.order.purchase.persistence.OrderRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives an order to the end of its saga: asks {@link SagaStep#next} for the missing step, performs it
 * at the peer (every peer call is idempotent, keyed by the order id), records the outcome with a
 * version check, and repeats. A peer outage leaves the order with {@code work_due_at} in the future
 * (exponential back-off) for the recovery job; so does a crash at any point, because the order was
 * marked due before the step started.
 */
@Component
public class OrderSagaService {

    private static final Logger log = LoggerFactory.getLogger(OrderSagaService.class);
    private static final int MAX_ROUNDS = 10;

    private final OrderRepository orders;
    private final InventoryClient inventory;
    private final PaymentClient payments;
    private final OrderEvents events;
    private final SoldOutGate soldOutGate;
    private final TransactionTemplate transactions;
    private final OrderProperties properties;
    private final Clock clock;

    OrderSagaService(
            OrderRepository orders,
            InventoryClient inventory,
            PaymentClient payments,
            OrderEvents events,
            SoldOutGate soldOutGate,
            TransactionTemplate transactions,
            OrderProperties properties,
            Clock clock) {
        this.orders = orders;
        this.inventory = inventory;
        this.payments = payments;
        this.events = events;
        this.soldOutGate = soldOutGate;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** When a transition leaves a step to do: the recovery job's deadline for the in-process driver. */
    public Instant dueAfterGrace(Order order, Instant now) {
        return SagaStep.next(order) == SagaStep.NONE ? null : now.plus(properties.stepGrace());
    }

    /** Runs the order's remaining steps; returns it as it stands afterwards. */
    public Optional<Order> drive(UUID orderId) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<Order> found = orders.find(orderId);
            if (found.isEmpty()) {
                return found;
            }
            Order order = found.get();
            SagaStep step = SagaStep.next(order);
            if (step == SagaStep.NONE) {
                if (order.workDueAt() != null && order.status() != OrderStatus.RESERVING) {
                    orders.update(order, order.withWorkDue(null));
                }
                return orders.find(orderId);
            }
            Outcome performed = perform(step, order);
            Outcome outcome =
                    performed == Outcome.NOT_FOUND && mayStillLand(step, order) ? Outcome.UNAVAILABLE : performed;
            if (outcome == Outcome.UNAVAILABLE) {
                int attempt = order.workAttempts() + 1;
                Instant retryAt = clock.instant().plus(properties.retryDelay(attempt));
                orders.update(order, order.withWork(retryAt, attempt));
                return orders.find(orderId);
            }
            Boolean applied = transactions.execute(status -> apply(step, outcome, order));
            if (!Boolean.TRUE.equals(applied)) {
                log.debug("Order {} changed while {} ran; deciding again", orderId, step);
            }
        }
        log.warn("Order {} still has saga steps after {} rounds; the recovery job continues", orderId, MAX_ROUNDS);
        return orders.find(orderId);
    }

    private enum Outcome {
        /** The peer did what was asked (or it had been done already). */
        DONE,
        /** The hold is not in a state that allows the step (released, confirmed, returned). */
        GONE,
        /** Inventory has no reservation with this id (yet: a reserve call may still be in transit). */
        NOT_FOUND,
        UNAVAILABLE
    }

    /**
     * A hold we only requested (the reserve call timed out or failed with a 500) may still be created by
     * a reserve call inventory is slow to process: "not found" is not final while such a call can still
     * be in transit ({@code lateHoldWindow} after the order was created). Until then we keep trying to
     * release it, so stock held by a request we gave up on comes back as soon as it appears. A hold that
     * lands even later is released by inventory's reaper after its {@code expiresAt}.
     */
    private boolean mayStillLand(SagaStep step, Order order) {
        return step == SagaStep.RELEASE_HOLD
                && order.holdState() == HoldState.REQUESTED
                && clock.instant().isBefore(order.createdAt().plus(properties.lateHoldWindow()));
    }

    private Outcome perform(SagaStep step, Order order) {
        try {
            switch (step) {
                case CONFIRM_HOLD -> inventory.confirm(order.id());
                case RELEASE_HOLD -> inventory.release(order.id());
                case REFUND_PAYMENT -> payments.refund(order.id());
                case RETURN_STOCK -> inventory.returnStock(order.id());
                case NONE -> throw new IllegalArgumentException("nothing to perform");
            }
            return Outcome.DONE;
        } catch (PeerRejectedException rejected) {
            return switch (rejected.code()) {
                case InventoryClient.RESERVATION_NOT_ACTIVE -> Outcome.GONE;
                case InventoryClient.RESERVATION_NOT_FOUND -> Outcome.NOT_FOUND;
                case PaymentClient.PAYMENT_NOT_FOUND -> {
                    log.warn("Order {} had a captured payment but payment-service has none to refund", order.id());
                    yield Outcome.DONE;
                }
                default -> {
                    log.error(
                            "Step {} of order {} rejected with {}: {}",
                            step,
                            order.id(),
                            rejected.code(),
                            rejected.getMessage());
                    yield Outcome.UNAVAILABLE;
                }
            };
        } catch (PeerUnavailableException unavailable) {
            log.info("Step {} of order {} postponed: {}", step, order.id(), unavailable.getMessage());
            return Outcome.UNAVAILABLE;
        }
    }

    private boolean apply(SagaStep step, Outcome outcome, Order order) {
        Instant now = clock.instant();
        Order next = switch (step) {
            case CONFIRM_HOLD ->
                outcome == Outcome.DONE
                        ? order.with(OrderStatus.CONFIRMED, HoldState.CONFIRMED, order.paymentState(), now)
                        // paid after the hold was gone (inventory's reaper released it): the order expires
                        // and the saga refunds the payment next
                        : order.with(OrderStatus.EXPIRED, HoldState.RELEASED, order.paymentState(), now);
            case RELEASE_HOLD ->
                // GONE: the hold was confirmed after all (a payment raced the cancel); it is returned later.
                // NOT_FOUND (past the deadline): no hold ever came into being
                order.withHold(outcome == Outcome.GONE ? HoldState.CONFIRMED : HoldState.RELEASED, now);
            case REFUND_PAYMENT -> order.with(order.status(), order.holdState(), PaymentState.REFUNDED, now);
            case RETURN_STOCK -> order.withHold(outcome == Outcome.DONE ? HoldState.RETURNED : HoldState.RELEASED, now);
            case NONE -> order;
        };
        next = next.withWorkDue(dueAfterGrace(next, now));
        if (!orders.update(order, next)) {
            return false;
        }
        if (outcome == Outcome.DONE && (step == SagaStep.RELEASE_HOLD || step == SagaStep.RETURN_STOCK)) {
            soldOutGate.stockReturned(order.dropId());
        }
        if (order.status() != next.status()) {
            if (next.status() == OrderStatus.CONFIRMED) {
                events.confirmed(next);
            } else if (next.status() == OrderStatus.EXPIRED) {
                events.expired(next);
            }
        }
        return true;
    }
}
