package io.livedrop.catalog.room.messaging;

import io.livedrop.catalog.room.application.WaitingRoomService;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.OrderCreated;
import io.livedrop.common.ids.Ids;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * An admitted buyer placed an order: their slot goes to the next in line. Idempotent by
 * construction (removing a buyer from the slots twice changes nothing), so no dedupe record; an
 * order of a drop without a room, or of a buyer who holds no slot, changes nothing either.
 */
@Component
class OrderEventsListener {

    static final String LISTENER_ID = "catalog-order-created";

    private final EventCodec codec;
    private final WaitingRoomService room;

    OrderEventsListener(EventCodec codec, WaitingRoomService room) {
        this.codec = codec;
        this.room = room;
    }

    @KafkaListener(id = LISTENER_ID, topics = OrderCreated.TOPIC)
    void onOrderCreated(String json) {
        OrderCreated order = codec.read(json, OrderCreated.class).data();
        if (order.userId() != null) {
            Ids.parse(order.dropId()).ifPresent(dropId -> room.release(dropId, order.userId()));
        }
    }
}
