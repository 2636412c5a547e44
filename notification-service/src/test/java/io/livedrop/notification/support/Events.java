package io.livedrop.notification.support;

import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.events.DropStarted;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.FollowCreated;
import io.livedrop.common.events.FollowDeleted;
import io.livedrop.common.events.OrderConfirmed;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.TestEvents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;

/** The events notification-service consumes, published as the other services would. */
public final class Events extends TestEvents {

    public Events(KafkaTemplate<String, String> kafka, EventCodec codec) {
        super(kafka, codec);
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
                        drop.title(),
                        false));
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
}
