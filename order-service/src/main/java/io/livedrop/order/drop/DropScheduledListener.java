package io.livedrop.order.drop;

import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.messaging.IdempotentEventHandler;
import java.time.Clock;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link DropCatalog} current from {@code drop.scheduled} (created and rescheduled drops). */
@Component
class DropScheduledListener {

    static final String CONSUMER = "order-drop-scheduled";
    /** Consumer groups are the listener ids, optionally prefixed to run an instance that sees every event. */
    static final String GROUP_PREFIX = "${livedrop.order.consumer-group-prefix:}";

    private final IdempotentEventHandler handler;
    private final DropCatalog drops;
    private final Clock clock;

    DropScheduledListener(IdempotentEventHandler handler, DropCatalog drops, Clock clock) {
        this.handler = handler;
        this.drops = drops;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, groupId = GROUP_PREFIX + CONSUMER, topics = DropScheduled.TOPIC)
    void on(String json) {
        handler.handle(
                CONSUMER, json, DropScheduled.class, event -> drops.save(event.data(), event.time(), clock.instant()));
    }
}
