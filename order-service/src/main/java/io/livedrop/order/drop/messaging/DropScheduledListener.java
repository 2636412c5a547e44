package io.livedrop.order.drop.messaging;

import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.messaging.IdempotentEventHandler;
import io.livedrop.order.drop.application.DropService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the drop copies ({@link DropService}) current from {@code drop.scheduled} (created and rescheduled drops). */
@Component
class DropScheduledListener {

    static final String CONSUMER = "order-drop-scheduled";
    /** Consumer groups are the listener ids, optionally prefixed to run an instance that sees every event. */
    static final String GROUP_PREFIX = "${livedrop.order.consumer-group-prefix:}";

    private final IdempotentEventHandler handler;
    private final DropService drops;

    DropScheduledListener(IdempotentEventHandler handler, DropService drops) {
        this.handler = handler;
        this.drops = drops;
    }

    @KafkaListener(id = CONSUMER, groupId = GROUP_PREFIX + CONSUMER, topics = DropScheduled.TOPIC)
    void on(String json) {
        handler.handle(CONSUMER, json, DropScheduled.class, event -> drops.scheduled(event.data(), event.time()));
    }
}
