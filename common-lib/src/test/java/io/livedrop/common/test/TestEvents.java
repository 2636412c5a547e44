package io.livedrop.common.test;

import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.ids.Ids;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes events the way the other services' outbox relays do: a CloudEvents envelope, keyed by
 * the aggregate id, sent before the call returns. Extend it for a module's own event helpers.
 */
public class TestEvents {

    public static final String SOURCE = "test-publisher";

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;

    public TestEvents(KafkaTemplate<String, String> kafka, EventCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    /** @return the event id */
    public UUID publish(String topic, String key, Object data) {
        return publish(Ids.newId(), topic, key, data, now());
    }

    /** With a chosen id (to redeliver one) and time (to send an out-of-date one). */
    public UUID publish(UUID eventId, String topic, String key, Object data, Instant time) {
        return publish(EventEnvelope.of(eventId, SOURCE, topic, time, key, data));
    }

    public UUID publish(EventEnvelope<?> envelope) {
        try {
            kafka.send(envelope.type(), envelope.subject(), codec.write(envelope))
                    .get(30, TimeUnit.SECONDS);
            return envelope.id();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + envelope.type(), e);
        }
    }

    /** The JSON a relay would send, without sending it. */
    public String envelope(String topic, String key, Object data, Instant time) {
        return codec.write(EventEnvelope.of(Ids.newId(), SOURCE, topic, time, key, data));
    }

    /** Now, at the precision PostgreSQL keeps. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
