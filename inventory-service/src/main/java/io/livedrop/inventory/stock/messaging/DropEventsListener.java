package io.livedrop.inventory.stock.messaging;

import io.livedrop.common.events.DropEnded;
import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.messaging.IdempotentEventHandler;
import io.livedrop.inventory.stock.application.DropScheduleService;
import java.util.UUID;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * catalog's drop lifecycle: {@code drop.scheduled} creates or updates a drop's stock,
 * {@code drop.ended} stops its reservations. Each event is applied once (dedupe by event id in the
 * same transaction); a malformed or impossible one is retried, then dead-lettered.
 */
@Component
class DropEventsListener {

    static final String SCHEDULED_CONSUMER = "inventory-drop-scheduled";
    static final String ENDED_CONSUMER = "inventory-drop-ended";

    private final IdempotentEventHandler handler;
    private final DropScheduleService schedules;

    DropEventsListener(IdempotentEventHandler handler, DropScheduleService schedules) {
        this.handler = handler;
        this.schedules = schedules;
    }

    @KafkaListener(id = SCHEDULED_CONSUMER, topics = DropScheduled.TOPIC)
    void onScheduled(String json) {
        handler.handle(
                SCHEDULED_CONSUMER, json, DropScheduled.class, event -> schedules.schedule(event.data(), event.time()));
    }

    @KafkaListener(id = ENDED_CONSUMER, topics = DropEnded.TOPIC)
    void onEnded(String json) {
        handler.handle(
                ENDED_CONSUMER,
                json,
                DropEnded.class,
                event -> schedules.end(UUID.fromString(event.data().dropId())));
    }
}
