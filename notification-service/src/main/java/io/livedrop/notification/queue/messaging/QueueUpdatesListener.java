package io.livedrop.notification.queue.messaging;

import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.events.QueueUpdated;
import io.livedrop.common.messaging.ConsumerSpans;
import io.livedrop.notification.queue.application.QueueFrameService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * {@code queue.updated} (catalog-service, about once a second per drop with a waiting room): the
 * tickets whose holders should hear about it, delivered live by {@link QueueFrameService}.
 *
 * <p>Consumer group: this instance's own, {@code <livedrop.notification.consumer-group>-queue}. Own
 * per instance because each instance holds different connections, so each must see every event
 * (the same broadcast-style consumption as {@code notification-events}). A group of its own rather
 * than that one, because:
 * <ul>
 *   <li>it starts at the END of the topic ({@code auto.offset.reset=latest}): a new instance has no
 *       use for the positions of the past (the topic holds days of once-a-second events), while
 *       {@code notification-events} must start at the beginning so that nothing goes unstored;
 *   <li>a rebalance or a retried batch of one does not stall the other: storing notifications
 *       never waits for waiting-room traffic, and positions never wait for a slow database.
 * </ul>
 * After a restart the group resumes from its offsets; the events of the downtime reach no
 * connection (there are none yet) and cost one map lookup per ticket.
 */
@Component
class QueueUpdatesListener {

    private final EventCodec codec;
    private final QueueFrameService delivery;
    private final ConsumerSpans spans;
    private final Clock clock;

    QueueUpdatesListener(EventCodec codec, QueueFrameService delivery, ConsumerSpans spans, Clock clock) {
        this.codec = codec;
        this.delivery = delivery;
        this.spans = spans;
        this.clock = clock;
    }

    @KafkaListener(
            id = "queue-frames",
            groupId = "${livedrop.notification.consumer-group}-queue",
            batch = "true",
            topics = QueueUpdated.TOPIC,
            properties = "auto.offset.reset=latest")
    void on(List<ConsumerRecord<String, String>> records) {
        try (ConsumerSpans.Batch traced = spans.open("queue-frames", records)) {
            for (int i = 0; i < records.size(); i++) {
                EventEnvelope<QueueUpdated> event;
                try {
                    event = codec.read(records.get(i).value(), QueueUpdated.class);
                } catch (RuntimeException unreadable) {
                    // the records before it are delivered: the error handler retries from this one
                    // and dead-letters it (common-lib's bounded retries)
                    throw new BatchListenerFailedException("unreadable queue.updated event", unreadable, i);
                }
                if (event.data() != null) {
                    Instant time = event.time() != null ? event.time() : clock.instant();
                    delivery.deliver(event.data(), time);
                }
            }
        }
    }
}
