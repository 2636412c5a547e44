package io.livedrop.notification.delivery.messaging;

import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.events.DropStarted;
import io.livedrop.common.events.EventCodec;
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
import io.livedrop.common.messaging.ConsumerSpans;
import io.livedrop.notification.delivery.application.ConnectionRegistry;
import io.livedrop.notification.delivery.application.NotificationTailer;
import io.livedrop.notification.inbox.application.EventIngestionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Every event notification-service needs, in batches. The consumer group is this instance's own
 * ({@code livedrop.notification.consumer-group}), so every instance sees every event: it stores
 * what is new (idempotently, whichever instance is first), then wakes its tailer, which delivers
 * committed notifications to the sockets this instance holds, and updates the subscriptions of its
 * open connections for follows and unfollows.
 */
@Component
class NotificationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationEventsListener.class);

    private static final Map<String, Class<?>> EVENT_TYPES = Map.ofEntries(
            Map.entry(DropScheduled.TOPIC, DropScheduled.class),
            Map.entry(DropStarted.TOPIC, DropStarted.class),
            Map.entry(StockLow.TOPIC, StockLow.class),
            Map.entry(SoldOut.TOPIC, SoldOut.class),
            Map.entry(OrderCreated.TOPIC, OrderCreated.class),
            Map.entry(OrderConfirmed.TOPIC, OrderConfirmed.class),
            Map.entry(OrderCancelled.TOPIC, OrderCancelled.class),
            Map.entry(OrderExpired.TOPIC, OrderExpired.class),
            Map.entry(PaymentFailed.TOPIC, PaymentFailed.class),
            Map.entry(FollowCreated.TOPIC, FollowCreated.class),
            Map.entry(FollowDeleted.TOPIC, FollowDeleted.class));

    private final EventCodec codec;
    private final EventIngestionService ingestion;
    private final NotificationTailer tailer;
    private final ConnectionRegistry connections;
    private final ConsumerSpans spans;

    NotificationEventsListener(
            EventCodec codec,
            EventIngestionService ingestion,
            NotificationTailer tailer,
            ConnectionRegistry connections,
            ConsumerSpans spans) {
        this.codec = codec;
        this.ingestion = ingestion;
        this.tailer = tailer;
        this.connections = connections;
        this.spans = spans;
    }

    @KafkaListener(
            id = "notification-events",
            groupId = "${livedrop.notification.consumer-group}",
            batch = "true",
            topics = {
                DropScheduled.TOPIC,
                DropStarted.TOPIC,
                StockLow.TOPIC,
                SoldOut.TOPIC,
                OrderCreated.TOPIC,
                OrderConfirmed.TOPIC,
                OrderCancelled.TOPIC,
                OrderExpired.TOPIC,
                PaymentFailed.TOPIC,
                FollowCreated.TOPIC,
                FollowDeleted.TOPIC
            })
    void on(List<ConsumerRecord<String, String>> records) {
        // each event's span continues the trace of the request that caused it (e.g. placing an order)
        try (ConsumerSpans.Batch traced = spans.open("notification-events", records)) {
            ingest(records);
        }
    }

    private void ingest(List<ConsumerRecord<String, String>> records) {
        List<EventEnvelope<?>> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                events.add(codec.read(record.value(), EVENT_TYPES.get(record.topic())));
            } catch (RuntimeException unreadable) {
                // the error handler treats the records before this one as done: apply them first
                apply(events);
                throw new BatchListenerFailedException("unreadable " + record.topic() + " event", unreadable, i);
            }
        }
        apply(events);
    }

    private void apply(List<EventEnvelope<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            applied(ingestion.ingest(events));
        } catch (RuntimeException batchFailed) {
            log.warn(
                    "A batch of {} events failed ({}); applying them one by one",
                    events.size(),
                    batchFailed.toString());
            applyOneByOne(events);
        }
    }

    /**
     * Isolates the record that fails: the ones before it are committed, the error handler retries
     * from it and dead-letters it after bounded retries.
     */
    private void applyOneByOne(List<EventEnvelope<?>> events) {
        for (int i = 0; i < events.size(); i++) {
            try {
                applied(ingestion.ingest(List.of(events.get(i))));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("event " + events.get(i).id() + " failed", e, i);
            }
        }
    }

    private void applied(EventIngestionService.Ingested ingested) {
        // after the commit: the rows are readable, by this instance's tailer too
        tailer.wakeUp();
        ingested.followChanges().forEach(connections::applyFollowChange);
    }
}
