package io.livedrop.notification.support;

import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.events.DropStarted;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.events.FollowCreated;
import io.livedrop.common.events.FollowDeleted;
import io.livedrop.common.events.OrderConfirmed;
import io.livedrop.common.ids.Ids;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes events the way the other services' outbox relays do: CloudEvents JSON, keyed by aggregate. */
public final class Events {

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;

    public Events(KafkaTemplate<String, String> kafka, EventCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    /** @return the event id */
    public UUID publish(String topic, String key, Object data) {
        return publish(EventEnvelope.of(Ids.newId(), "test", topic, now(), key, data));
    }

    public UUID publish(EventEnvelope<?> envelope) {
        try {
            kafka.send(envelope.type(), envelope.subject(), codec.write(envelope))
                    .get(30, TimeUnit.SECONDS);
            return envelope.id();
        } catch (Exception e) {
            throw new IllegalStateException("publishing " + envelope.type() + " failed", e);
        }
    }

    public UUID follow(String userId, String creatorId) {
        return publish(FollowCreated.TOPIC, creatorId, new FollowCreated(creatorId, userId, now()));
    }

    public UUID unfollow(String userId, String creatorId) {
        return publish(FollowDeleted.TOPIC, creatorId, new FollowDeleted(creatorId, userId, now()));
    }

    public UUID dropStarted(DropStarted drop) {
        return publish(DropStarted.TOPIC, drop.dropId(), drop);
    }

    public UUID dropScheduled(DropStarted drop) {
        return publish(
                DropScheduled.TOPIC,
                drop.dropId(),
                new DropScheduled(
                        drop.dropId(),
                        drop.productId(),
                        drop.creatorId(),
                        drop.startsAt(),
                        drop.endsAt(),
                        drop.available(),
                        5,
                        1,
                        1_000,
                        "EUR",
                        drop.title()));
    }

    public UUID orderConfirmed(String userId, String orderId, String dropId) {
        return publish(OrderConfirmed.TOPIC, orderId, new OrderConfirmed(orderId, userId, dropId, 2, 2_000, "EUR"));
    }

    public static DropStarted drop(String creatorId) {
        return drop(creatorId, "Limited sneaker");
    }

    public static DropStarted drop(String creatorId, String title) {
        Instant startsAt = now();
        return new DropStarted(id(), id(), creatorId, title, startsAt, startsAt.plus(1, ChronoUnit.HOURS), 100);
    }

    public static String id() {
        return Ids.newId().toString();
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
