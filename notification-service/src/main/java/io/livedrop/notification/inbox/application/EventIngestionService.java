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
    }

    /**
     * @param stored notifications that were new
     * @param followChanges follows and unfollows to apply to this instance's open connections
     */
    public record Ingested(int stored, List<FollowChange> followChanges) {}

    public Ingested ingest(List<EventEnvelope<?>> events) {
        return transactions.execute(status -> {
            List<NotificationDraft> drafts = new ArrayList<>();
            List<FollowChange> followChanges = new ArrayList<>();
            for (EventEnvelope<?> event : events) {
                apply(event, drafts, followChanges);
            }
            return new Ingested(log.store(drafts), followChanges);
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

    private void apply(EventEnvelope<?> event, List<NotificationDraft> drafts, List<FollowChange> followChanges) {
        UUID id = Objects.requireNonNull(event.id(), "event id");
        Instant time = event.time() != null ? event.time() : clock.instant();
        switch (event.data()) {
            case DropScheduled d ->
                rememberDrop(
                        new DropSummary(d.dropId(), d.creatorId(), d.productId(), d.title(), d.startsAt(), d.endsAt()),
                        time,
                        drafts);
            case DropStarted d -> {
                var drop =
                        new DropSummary(d.dropId(), d.creatorId(), d.productId(), d.title(), d.startsAt(), d.endsAt());
                rememberDrop(drop, time, drafts);
                drafts.add(NotificationDraft.broadcast(
                        id, drop.creatorId(), drop.dropId(), DropStarted.TOPIC, time, data.drop(drop, d.available())));
            }
            case StockLow s ->
                broadcastOrPark(new PendingBroadcast(id, s.dropId(), StockLow.TOPIC, time, s.available()), drafts);
            case SoldOut s -> broadcastOrPark(new PendingBroadcast(id, s.dropId(), SoldOut.TOPIC, time, 0), drafts);
            case OrderCreated o -> orders.remember(new OrderSummary(o.orderId(), o.dropId(), o.quantity()));
            case OrderConfirmed o ->
                drafts.add(NotificationDraft.personal(
                        id,
                        o.userId(),
                        OrderConfirmed.TOPIC,
                        time,
                        data.order(o.orderId(), o.dropId(), o.quantity(), o.totalCents(), o.currency())));
            case OrderCancelled o ->
                drafts.add(NotificationDraft.personal(
                        id,
                        o.userId(),
                        OrderCancelled.TOPIC,
                        time,
                        data.order(o.orderId(), o.dropId(), o.quantity(), o.totalCents(), o.currency())));
            case OrderExpired o ->
                drafts.add(NotificationDraft.personal(
                        id,
                        o.userId(),
                        OrderExpired.TOPIC,
                        time,
                        data.order(o.orderId(), o.dropId(), o.quantity(), o.totalCents(), o.currency())));
            case PaymentFailed p -> {
                var order = orders.find(p.orderId());
                drafts.add(NotificationDraft.personal(
                        id,
                        p.userId(),
                        PaymentFailed.TOPIC,
                        time,
                        data.paymentFailed(new PaymentFailedData(
                                p.orderId(),
                                order.map(OrderSummary::dropId).orElse(null),
                                order.map(OrderSummary::quantity).orElse(null),
                                p.amountCents(),
                                p.currency(),
                                p.paymentId(),
                                p.failureCode()))));
            }
            case FollowCreated f -> {
                Instant at = f.at() != null ? f.at() : time;
                follows.follow(f.userId(), f.creatorId(), at);
                followChanges.add(new FollowChange(f.userId(), f.creatorId(), true, at, NotificationIds.floorOf(at)));
            }
            case FollowDeleted f -> {
                Instant at = f.at() != null ? f.at() : time;
                follows.unfollow(f.userId(), f.creatorId(), at);
                followChanges.add(new FollowChange(f.userId(), f.creatorId(), false, at, NotificationIds.floorOf(at)));
            }
            default ->
                throw new IllegalArgumentException("not an event notification-service consumes: "
                        + event.data().getClass().getSimpleName());
        }
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
