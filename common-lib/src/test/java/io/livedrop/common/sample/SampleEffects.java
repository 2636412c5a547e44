package io.livedrop.common.sample;

import io.livedrop.common.messaging.IdempotentEventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** An idempotent consumer of the sample events: each event id leaves exactly one effect row. */
@Component
class SampleEffects {

    private final IdempotentEventHandler handler;
    private final JdbcClient jdbc;

    SampleEffects(IdempotentEventHandler handler, JdbcClient jdbc) {
        this.handler = handler;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = "sample-effects", topics = SampleHappened.TOPIC)
    void on(String json) {
        handler.handle(
                "sample-effects",
                json,
                SampleHappened.class,
                event -> jdbc.sql(
                                "insert into sample_effect (event_id, event_key, sequence) values (:id, :key, :sequence)")
                        .param("id", event.id())
                        .param("key", event.data().key())
                        .param("sequence", event.data().sequence())
                        .update());
    }
}
