package io.livedrop.order.purchase.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.idempotency.IdempotencyLeaseLostException;
import io.livedrop.common.idempotency.IdempotencyProperties;
import io.livedrop.common.idempotency.IdempotentAttempt;
import io.livedrop.common.idempotency.StoredResponse;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.peer.PeerRejectedException;
import io.livedrop.common.peer.PeerUnavailableException;
import io.livedrop.order.drop.domain.DropInfo;
import io.livedrop.order.drop.persistence.DropInfoRepository;
import io.livedrop.order.inventory.client.InventoryApi.Reservation;
import io.livedrop.order.inventory.client.InventoryClient;
import io.livedrop.order.purchase.domain.HoldState;
import io.livedrop.order.purchase.domain.Order;
import io.livedrop.order.purchase.domain.OrderStatus;
import io.livedrop.order.purchase.domain.OrderView;
import io.livedrop.order.purchase.domain.PlaceOrder;
import io.livedrop.order.purchase.persistence.OrderRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places an order: records it as {@code reserving}, asks inventory for a hold (reservation id = order
 * id), then in one transaction makes it {@code pending_payment}, emits {@code order.created} and stores
 * the 201 for the Idempotency-Key.
 *
 * <p>Failures: inventory's "no" (sold out, not live, limit) deletes the attempt and is answered (and
 * stored) as 4xx. Inventory certainly untouched (refused connection, open circuit, its "nothing
 * written" 503) answers 503 and frees the key: the order is {@code rejected}. When the reserve call may
 * have arrived (timeout, 5xx) the answer is also 503, but the order stays {@code reserving} and the key
 * is handed back, so the client's retry with the same key resumes the same order and hold. Like an
 * attempt cut short by a crash, a {@code reserving} order nobody resumes is undone by the recovery job
 * (hold released) once its work is due.
 */
@Component
public class OrderPlacementService {

    private static final Logger log = LoggerFactory.getLogger(OrderPlacementService.class);
    private static final String HELD = "held";
    private static final String SOLD_OUT = "SOLD_OUT";

    private final DropInfoRepository drops;
    private final OrderRepository orders;
    private final InventoryClient inventory;
    private final OrderEvents events;
    private final OrderMetrics metrics;
    private final SoldOutGate soldOutGate;
    private final TransactionTemplate transactions;
    private final OrderProperties properties;
    private final IdempotencyProperties idempotency;
    private final Clock clock;

    OrderPlacementService(
            DropInfoRepository drops,
            OrderRepository orders,
            InventoryClient inventory,
            OrderEvents events,
            OrderMetrics metrics,
            SoldOutGate soldOutGate,
            TransactionTemplate transactions,
            OrderProperties properties,
            IdempotencyProperties idempotency,
            Clock clock) {
        this.drops = drops;
        this.orders = orders;
        this.inventory = inventory;
        this.events = events;
        this.metrics = metrics;
        this.soldOutGate = soldOutGate;
        this.transactions = transactions;
        this.properties = properties;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public StoredResponse place(String userId, PlaceOrder request, IdempotentAttempt attempt) {
        UUID orderId = attempt.operationId();
        Order order = existingAttempt(orderId, attempt).orElseGet(() -> newAttempt(orderId, userId, request, attempt));

        Reservation hold;
        try {
            hold = inventory.reserve(orderId, order.dropId(), userId, order.quantity(), order.reservedUntil());
        } catch (PeerRejectedException rejected) {
            if (SOLD_OUT.equals(rejected.code())) {
                soldOutGate.soldOut(order.dropId(), order.quantity());
            }
            throw rejectedByInventory(orderId, rejected);
        } catch (PeerUnavailableException unavailable) {
            if (unavailable.mayHaveArrived() || attempt.resumed()) {
                throw retryLater(orderId, attempt, unavailable);
            }
            throw undo(orderId, HoldState.NONE, attempt, unavailable);
        }
        if (!HELD.equals(hold.status())) {
            // a resumed attempt whose hold inventory already let go: this attempt cannot succeed any more
            throw undo(orderId, HoldState.RELEASED, attempt, null);
        }
        Instant reservedUntil = hold.expiresAt() != null ? hold.expiresAt() : order.reservedUntil();
        return transactions.execute(status -> {
            if (!orders.markPlaced(orderId, reservedUntil, clock.instant())) {
                throw new IdempotencyLeaseLostException(); // undone by the recovery job meanwhile
            }
            Order placed = orders.find(orderId).orElseThrow();
            events.created(placed);
            return attempt.complete(HttpStatus.CREATED, OrderView.of(placed));
        });
    }

    private Optional<Order> existingAttempt(UUID orderId, IdempotentAttempt attempt) {
        if (!attempt.resumed()) {
            return Optional.empty();
        }
        Optional<Order> existing = orders.find(orderId);
        if (existing.isPresent() && existing.get().status() != OrderStatus.RESERVING) {
            // the earlier attempt was undone; its id is spent, so this request cannot continue it
            throw undo(orderId, existing.get().holdState(), attempt, null);
        }
        return existing;
    }

    private Order newAttempt(UUID orderId, String userId, PlaceOrder request, IdempotentAttempt attempt) {
        DropInfo drop = dropFor(request.dropId());
        Instant now = clock.instant();
        Order order = Order.reserving(
                orderId,
                userId,
                drop,
                request.quantity(),
                attempt.request().key().value(),
                now,
                now.plus(properties.reservationTtl()),
                // if this attempt dies, the recovery job looks after the key's lease is surely over
                now.plus(idempotency.lease()).plus(properties.stepGrace()));
        orders.insert(order);
        return order;
    }

    /**
     * The drop as drop.scheduled told us. Unknown here but known to inventory means the event is still on
     * its way: a transient 503 (not stored), not a 404 the client would see replayed for 24 hours.
     */
    private DropInfo dropFor(String dropId) {
        Optional<DropInfo> known = drops.find(dropId);
        if (known.isPresent()) {
            return known.get();
        }
        if (Ids.parse(dropId).isEmpty()) {
            // drop ids are UUIDs: anything else cannot exist (and never goes into a peer's URL)
            throw new ApiException(ErrorCode.DROP_NOT_FOUND, "No drop with id " + dropId);
        }
        boolean inventoryKnowsIt;
        try {
            inventoryKnowsIt = inventory.drop(dropId).isPresent();
        } catch (PeerRejectedException rejected) {
            inventoryKnowsIt = false;
        } catch (PeerUnavailableException unavailable) {
            throw unavailable("Inventory is unavailable; nothing was reserved. Retry with the same Idempotency-Key.");
        }
        if (inventoryKnowsIt) {
            throw unavailable("This drop is still being set up; retry shortly with the same Idempotency-Key.");
        }
        throw new ApiException(ErrorCode.DROP_NOT_FOUND, "No drop with id " + dropId);
    }

    private ApiException rejectedByInventory(UUID orderId, PeerRejectedException rejected) {
        ApiException answer = switch (rejected.code()) {
            case "SOLD_OUT" -> new ApiException(ErrorCode.SOLD_OUT, "Not enough stock left for this quantity");
            case "DROP_NOT_LIVE" -> new ApiException(ErrorCode.DROP_NOT_LIVE, "This drop is not live");
            case "PER_USER_LIMIT_EXCEEDED" ->
                new ApiException(
                        ErrorCode.PER_USER_LIMIT_EXCEEDED, "This order would exceed the drop's per-user limit");
            case "DROP_NOT_FOUND" -> new ApiException(ErrorCode.DROP_NOT_FOUND, "No drop with this id");
            default -> null;
        };
        if (answer == null) {
            log.error(
                    "Inventory rejected reservation {} with unexpected {}: {}",
                    orderId,
                    rejected.code(),
                    rejected.getMessage());
            return undo(orderId, HoldState.NONE, null, null);
        }
        transactions.executeWithoutResult(status -> {
            orders.deleteReserving(orderId);
            if (answer.code() == ErrorCode.SOLD_OUT) {
                metrics.rejectedSoldOut();
            } else if (answer.code() == ErrorCode.PER_USER_LIMIT_EXCEEDED) {
                metrics.rejectedPerUserLimit();
            }
        });
        return answer;
    }

    /**
     * Gives up this attempt with a 503 that is not stored: the order turns {@code rejected} (invisible)
     * and the key is freed in the same transaction; a hold it may have got is released by the saga right
     * away via the recovery job ({@code work_due_at} now).
     */
    private ApiException undo(UUID orderId, HoldState hold, IdempotentAttempt attempt, Exception cause) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            orders.markRejected(orderId, hold, now, now);
            if (attempt != null) {
                attempt.release();
            }
        });
        if (cause != null) {
            log.info("Order {} not placed: {}", orderId, cause.getMessage());
        }
        return unavailable("Inventory is unavailable; the order was not placed and any stock held for it is"
                + " released. Retry with the same Idempotency-Key.");
    }

    /**
     * Inventory's answer was lost (timeout, 5xx), or an earlier attempt under this key may have got a
     * hold: the order stays {@code reserving} under the key's operation id and the key is handed back,
     * so a retry with the same Idempotency-Key resumes this very order (inventory's reserve is
     * idempotent by the order id) and never asks for a second hold, which the per-user limit would
     * refuse. A key nobody retries is undone by the recovery job once the order's work is due.
     */
    private ApiException retryLater(UUID orderId, IdempotentAttempt attempt, PeerUnavailableException cause) {
        transactions.executeWithoutResult(status -> attempt.handBack());
        log.info("Order {} waits for a retry with its key: {}", orderId, cause.getMessage());
        return unavailable("Inventory did not answer in time; nothing is lost. Retry with the same Idempotency-Key.");
    }

    private static ApiException unavailable(String detail) {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, detail);
    }
}
