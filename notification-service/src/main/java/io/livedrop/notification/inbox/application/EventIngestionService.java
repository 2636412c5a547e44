package io.livedrop.notification.inbox.application;

import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.events.DropStarted;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.events.FollowCreated;
import io.livedrop.common.events.FollowDeleted;
import io.livedrop.common.events.OrderCancelled;
import io.livedrop.common.events.OrderConfirmed;
import io.livedrop.common.events.OrderCreated;
import io.livedrop.common.events.OrderExpired;
import io.livedrop.common.events.OrderOutcome;
import io.livedrop.common.events.PaymentFailed;
import io.livedrop.common.events.SoldOut;
import io.livedrop.common.events.StockLow;
import io.livedrop.notification.drop.domain.DropSummary;
import io.livedrop.notification.drop.domain.PendingBroadcast;
import io.livedrop.notification.drop.persistence.DropSummaryRepository;
import io.livedrop.notification.drop.persistence.PendingBroadcastRepository;
import io.livedrop.notification.follow.domain.FollowChange;
import io.livedrop.notification.follow.persistence.FollowEdgeRepository;
import io.livedrop.notification.inbox.application.NotificationData.PaymentFailedData;
import io.livedrop.notification.inbox.domain.NotificationDraft;
import io.livedrop.notification.inbox.domain.NotificationIds;
import io.livedrop.notification.inbox.persistence.NotificationRepository;
import io.livedrop.notification.order.domain.OrderSummary;
import io.livedrop.notification.order.persistence.OrderSummaryRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of events in ONE transaction: the replicas (drop and order summaries, follow
 * edges) first, then every new notification with one id allocation. Each effect is idempotent
 * (upserts with last-writer-wins, notifications keyed by event id), so a redelivered batch and the
 * same batch applied by another instance change nothing.
 */
@Service
public class EventIngestionService {

    private final TransactionTemplate transactions;
    private final NotificationRepository log;
    private final FollowEdgeRepository follows;
    private final DropSummaryRepository drops;
    private final PendingBroadcastRepository pending;
    private final OrderSummaryRepository orders;
    private final NotificationData data;
    private final Clock clock;
    private final Map<Class<?>, Effect<Object>> effects;

    public EventIngestionService(
            TransactionTemplate transactions,
            NotificationRepository log,
            FollowEdgeRepository follows,
            DropSummaryRepository drops,
            PendingBroadcastRepository pending,
            OrderSummaryRepository orders,
            NotificationData data,
            Clock clock) {
        this.transactions = transactions;
        this.log = log;
        this.follows = follows;
        this.drops = drops;
        this.pending = pending;
        this.orders = orders;
        this.data = data;
        this.clock = clock;
        this.effects = effectsByEventType();
    }

    /**
     * @param stored notifications that were new
     * @param followChanges follows and unfollows to apply to this instance's open connections
     */
    public record Ingested(int stored, List<FollowChange> followChanges) {}

    public Ingested ingest(List<EventEnvelope<?>> events) {
        return transactions.execute(status -> {
            var batch = new Batch(new ArrayList<>(), new ArrayList<>());
            for (EventEnvelope<?> event : events) {
                apply(event, batch);
            }
            return new Ingested(log.store(batch.drafts()), batch.followChanges());
        });
    }

    /** Drop summaries that raced the stock.low / sold_out waiting for them: store those now. */
    public int resolvePendingBroadcasts() {
        Integer stored = transactions.execute(status -> {
            List<NotificationDraft> drafts = new ArrayList<>();
            for (String dropId : pending.resolvableDrops(100)) {
                drops.find(dropId).ifPresent(drop -> release(drop, drafts));
            }
            return log.store(drafts);
        });
        return stored == null ? 0 : stored;
    }

    /** What the events of one transaction add up to: notifications to store, follow changes to announce. */
    private record Batch(List<NotificationDraft> drafts, List<FollowChange> followChanges) {}

    /** One event being applied: its id, its time (this instance's clock when it carries none), its batch. */
    private record Applying(UUID id, Instant time, Batch batch) {

        void notify(NotificationDraft draft) {
            batch.drafts().add(draft);
        }
    }

    /** What one type of event does to the replicas and the notifications: a row of {@link #effectsByEventType}. */
    @FunctionalInterface
    private interface Effect<E> {
        void apply(E event, Applying applying);
    }

    /** Every event type this service consumes and its effect; order.* share one path, follow.* another. */
    private Map<Class<?>, Effect<Object>> effectsByEventType() {
        return Map.ofEntries(
                effect(
                        DropScheduled.class,
                        (d, on) -> rememberDrop(
                                new DropSummary(
                                        d.dropId(), d.creatorId(), d.productId(), d.title(), d.startsAt(), d.endsAt()),
                                on.time(),
                                on.batch().drafts())),
                effect(DropStarted.class, this::dropStarted),
                effect(
                        StockLow.class,
                        (s, on) -> broadcastOrPark(
                                new PendingBroadcast(on.id(), s.dropId(), StockLow.TOPIC, on.time(), s.available()),
                                on.batch().drafts())),
                effect(
                        SoldOut.class,
                        (s, on) -> broadcastOrPark(
                                new PendingBroadcast(on.id(), s.dropId(), SoldOut.TOPIC, on.time(), 0),
                                on.batch().drafts())),
                effect(
                        OrderCreated.class,
                        (o, on) -> orders.remember(new OrderSummary(o.orderId(), o.dropId(), o.quantity()))),
                effect(OrderConfirmed.class, (o, on) -> notifyBuyer(on, OrderConfirmed.TOPIC, o)),
                effect(OrderCancelled.class, (o, on) -> notifyBuyer(on, OrderCancelled.TOPIC, o)),
                effect(OrderExpired.class, (o, on) -> notifyBuyer(on, OrderExpired.TOPIC, o)),
                effect(PaymentFailed.class, this::paymentFailed),
                effect(FollowCreated.class, (f, on) -> changeFollow(on, f.userId(), f.creatorId(), true, f.at())),
                effect(FollowDeleted.class, (f, on) -> changeFollow(on, f.userId(), f.creatorId(), false, f.at())));
    }

    private static <E> Map.Entry<Class<?>, Effect<Object>> effect(Class<E> type, Effect<E> effect) {
        return Map.entry(type, (event, applying) -> effect.apply(type.cast(event), applying));
    }

    private void apply(EventEnvelope<?> event, Batch batch) {
        UUID id = Objects.requireNonNull(event.id(), "event id");
        Instant time = event.time() != null ? event.time() : clock.instant();
        Effect<Object> effect = effects.get(event.data().getClass());
        if (effect == null) {
            throw new IllegalArgumentException("not an event notification-service consumes: "
                    + event.data().getClass().getSimpleName());
        }
        effect.apply(event.data(), new Applying(id, time, batch));
    }

    private void dropStarted(DropStarted d, Applying on) {
        var drop = new DropSummary(d.dropId(), d.creatorId(), d.productId(), d.title(), d.startsAt(), d.endsAt());
        rememberDrop(drop, on.time(), on.batch().drafts());
        on.notify(NotificationDraft.broadcast(
                on.id(),
                drop.creatorId(),
                drop.dropId(),
                DropStarted.TOPIC,
                on.time(),
                data.drop(drop, d.available())));
    }

    /** order.confirmed, order.cancelled and order.expired: the same fields, the same notification. */
    private void notifyBuyer(Applying on, String type, OrderOutcome order) {
        on.notify(NotificationDraft.personal(
                on.id(),
                order.userId(),
                type,
                on.time(),
                data.order(order.orderId(), order.dropId(), order.quantity(), order.totalCents(), order.currency())));
    }

    private void paymentFailed(PaymentFailed p, Applying on) {
        var order = orders.find(p.orderId());
        on.notify(NotificationDraft.personal(
                on.id(),
                p.userId(),
                PaymentFailed.TOPIC,
                on.time(),
                data.paymentFailed(new PaymentFailedData(
                        p.orderId(),
                        order.map(OrderSummary::dropId).orElse(null),
                        order.map(OrderSummary::quantity).orElse(null),
                        p.amountCents(),
                        p.currency(),
                        p.paymentId(),
                        p.failureCode()))));
    }

    /** follow.created / follow.deleted without a time of their own take the event's. */
    private void changeFollow(Applying on, String userId, String creatorId, boolean following, Instant eventAt) {
        Instant at = eventAt != null ? eventAt : on.time();
        long visibleFromId = NotificationIds.floorOf(at);
        if (following) {
            follows.follow(userId, creatorId, at, visibleFromId);
        } else {
            follows.unfollow(userId, creatorId, at, visibleFromId);
        }
        on.batch().followChanges().add(new FollowChange(userId, creatorId, following, at, visibleFromId));
    }

    private void rememberDrop(DropSummary drop, Instant time, List<NotificationDraft> drafts) {
        drops.remember(drop, time);
        release(drop, drafts);
    }

    private void release(DropSummary drop, List<NotificationDraft> drafts) {
        for (PendingBroadcast waiting : pending.takeFor(drop.dropId())) {
            drafts.add(broadcast(waiting, drop));
        }
    }

    private void broadcastOrPark(PendingBroadcast event, List<NotificationDraft> drafts) {
        drops.find(event.dropId())
                .ifPresentOrElse(drop -> drafts.add(broadcast(event, drop)), () -> pending.park(event));
    }

    private NotificationDraft broadcast(PendingBroadcast event, DropSummary drop) {
        return NotificationDraft.broadcast(
                event.eventId(),
                drop.creatorId(),
                drop.dropId(),
                event.type(),
                event.eventTime(),
                data.drop(drop, event.available()));
    }
}
