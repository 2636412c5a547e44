package io.livedrop.common.messaging;

import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a listener's effect at most once per event id: parse, then claim the id and apply the effect
 * in one database transaction. A failure rolls both back and the record is retried (then
 * dead-lettered by the shared error handler).
 */
public class IdempotentEventHandler {

    private final EventCodec codec;
    private final ProcessedEvents processedEvents;
    private final TransactionTemplate transactions;

    public IdempotentEventHandler(EventCodec codec, ProcessedEvents processedEvents, TransactionTemplate transactions) {
        this.codec = codec;
        this.processedEvents = processedEvents;
        this.transactions = transactions;
    }

    /** @return whether the effect ran (false for a duplicate) */
    public <T> boolean handle(String consumer, String json, Class<T> dataType, Consumer<EventEnvelope<T>> effect) {
        EventEnvelope<T> event = codec.read(json, dataType);
        Boolean applied = transactions.execute(status -> {
            if (!processedEvents.claim(consumer, event.id())) {
                return false;
            }
            effect.accept(event);
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
