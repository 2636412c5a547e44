package io.livedrop.common.outbox;

import io.livedrop.common.sample.SampleHappened;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes sample events through the outbox and reads back what the idempotent consumer applied. */
record OutboxTestSupport(Outbox outbox, TransactionTemplate transactions, JdbcClient jdbc) {

    record Effect(UUID eventId, int sequence) {}

    UUID publish(String key, int sequence) {
        return transactions.execute(
                status -> outbox.publish(SampleHappened.TOPIC, key, new SampleHappened(key, sequence)));
    }

    List<Effect> effectsOf(String key) {
        return jdbc.sql("select event_id, sequence from sample_effect where event_key = :key order by id")
                .param("key", key)
                .query(Effect.class)
                .list();
    }

    long unsentEventsOf(String key) {
        return jdbc.sql("select count(*) from outbox_event where event_key = :key and sent_at is null")
                .param("key", key)
                .query(Long.class)
                .single();
    }
}
