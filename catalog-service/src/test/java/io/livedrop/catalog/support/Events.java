package io.livedrop.catalog.support;

import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.ids.Ids;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes events as the other services do: a CloudEvent envelope, keyed by the aggregate id. */
public final class Events {

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;

    public Events(KafkaTemplate<String, String> kafka, EventCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    public UUID publish(String topic, String key, Object data) {
        return publish(Ids.newId(), topic, key, data, Instant.now());
    }

    /** With a chosen id (to redeliver one) and time (to send an out-of-date one). */
    public UUID publish(UUID eventId, String topic, String key, Object data, Instant time) {
        String json = codec.write(EventEnvelope.of(eventId, "test-publisher", topic, time, key, data));
        try {
            kafka.send(topic, key, json).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + topic, e);
        }
        return eventId;
    }

    public String envelope(String topic, String key, Object data, Instant time) {
        return codec.write(EventEnvelope.of(Ids.newId(), "test-publisher", topic, time, key, data));
    }
}
