package io.livedrop.common.outbox;

import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.ids.Ids;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event in the service's {@code outbox_event} table inside the caller's transaction, so
 * the state change and its announcement commit (or roll back) together. The relay publishes it.
 *
 * <p>Per-key order: callers lock the aggregate (e.g. update its row) before publishing, so two
 * transactions about the same key get outbox ids in commit order.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final String source;
    private final int lanes;
    private final Clock clock;
    private final Runnable wakeRelay;
    private final OutboxTracing tracing;

    public Outbox(
            JdbcClient jdbc,
            EventCodec codec,
            String source,
            int lanes,
            Clock clock,
            Runnable wakeRelay,
            OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.source = source;
        this.lanes = lanes;
        this.clock = clock;
        this.wakeRelay = wakeRelay;
        this.tracing = tracing;
    }

    /** @return the event id (the consumers' dedupe key) */
    public UUID publish(String topic, String key, Object data) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish must run inside the state change's transaction");
        }
        UUID eventId = Ids.newId();
        var envelope =
                EventEnvelope.of(eventId, source, topic, clock.instant().truncatedTo(ChronoUnit.MICROS), key, data);
        jdbc.sql("""
                insert into outbox_event (event_id, topic, event_key, lane, payload, trace_headers)
                values (:eventId, :topic, :key, :lane, :payload, :traceHeaders)
                """)
                .param("eventId", eventId)
                .param("topic", topic)
                .param("key", key)
                .param("lane", laneOf(key))
                .param("payload", codec.write(envelope))
                .param("traceHeaders", TraceHeaders.format(tracing.currentContext()))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay.run();
            }
        });
        return eventId;
    }

    int laneOf(String key) {
        return Math.floorMod(key.hashCode(), lanes);
    }
}
