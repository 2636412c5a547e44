package io.livedrop.common.messaging;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The dedupe record of an idempotent consumer: an event id is claimed in the same transaction as the
 * effect of the event, so a redelivery either finds the claim (and changes nothing) or the effect
 * never happened.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time this consumer sees the event; must run inside the effect's transaction. */
    public boolean claim(String consumer, UUID eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("claim must run inside the effect's transaction");
        }
        return jdbc.sql("""
                        insert into processed_event (consumer, event_id) values (:consumer, :eventId)
                        on conflict do nothing
                        """)
                        .param("consumer", consumer)
                        .param("eventId", eventId)
                        .update()
                == 1;
    }

    /** Forgets claims older than the longest redelivery we expect (Kafka retention). */
    public int purgeOlderThan(Duration age) {
        return jdbc.sql("delete from processed_event where processed_at < now() - make_interval(secs => :seconds)")
                .param("seconds", age.toSeconds())
                .update();
    }
}
