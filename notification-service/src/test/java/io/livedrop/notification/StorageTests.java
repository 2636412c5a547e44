package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.events.FollowCreated;
import io.livedrop.common.events.FollowDeleted;
import io.livedrop.common.events.OrderConfirmed;
import io.livedrop.common.ids.Ids;
import io.livedrop.notification.inbox.application.EventIngestionService;
import io.livedrop.notification.inbox.domain.StoredNotification;
import io.livedrop.notification.inbox.persistence.NotificationRepository;
import io.livedrop.notification.support.Events;
import io.livedrop.notification.support.WsClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Idempotent storage, commit-ordered ids, and the follow replica converging whatever the order. */
class StorageTests extends NotificationIntegrationTest {

    @Autowired
    private EventIngestionService ingestion;

    @Autowired
    private NotificationRepository log;

    @Test
    void aRedeliveredEventIsStoredAndDeliveredOnce() {
        String buyer = id();
        var envelope = EventEnvelope.of(
                Ids.newId(),
                "order-service",
                OrderConfirmed.TOPIC,
                Events.now(),
                "order-1",
                new OrderConfirmed(id(), buyer, id(), 1, 100, "EUR"));
        try (WsClient socket = webSocket(buyer)) {
            events.publish(envelope);
            events.publish(envelope);
            String marker = awaitStored(events.orderConfirmed(buyer, id(), id()));

            String first = socket.next(PATIENCE).path("id").asString();
            assertThat(first).isEqualTo(awaitStored(envelope.id()));
            assertThat(socket.next(PATIENCE).path("id").asString()).isEqualTo(marker);
        }
        assertThat(jdbc.sql("select count(*) from inbox_notification where event_id = :e")
                        .param("e", envelope.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /**
     * Many transactions store at once while a reader keeps asking for "everything after the last id I
     * saw". With ids handed out in commit order the reader sees every id; with ids that commit out of
     * order (a plain sequence) it would step over the late ones.
     */
    @RepeatedTest(3)
    void aReaderFollowingTheLogNeverSkipsANotificationStoredConcurrently() throws Exception {
        String user = id();
        int writers = 8;
        int perWriter = 25;
        long start = log.head();
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<Long> seen = new HashSet<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(writers + 1)) {
            Future<?> reader = pool.submit(() -> {
                long position = start;
                while (writing.get() || position < log.head()) {
                    for (StoredNotification stored : log.readAfter(position, 50)) {
                        assertThat(stored.id()).isGreaterThan(position);
                        seen.add(stored.id());
                        position = stored.id();
                    }
                }
                return null;
            });
            List<Future<?>> stores = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                stores.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perWriter; i++) {
                        ingestion.ingest(List.of(EventEnvelope.of(
                                Ids.newId(),
                                "order-service",
                                OrderConfirmed.TOPIC,
                                Instant.now(),
                                "order",
                                new OrderConfirmed(id(), user, id(), 1, 100, "EUR"))));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> store : stores) {
                store.get();
            }
            writing.set(false);
            reader.get();
        }
        List<Long> all = jdbc.sql("select id from inbox_notification where user_id = :u")
                .param("u", user)
                .query(Long.class)
                .list();
        assertThat(all).hasSize(writers * perWriter);
        assertThat(seen).containsAll(all);
    }

    @Test
    void followAndUnfollowConvergeWhateverOrderTheyArriveIn() {
        String user = id();
        String creator = id();
        Instant followedAt = Events.now().minusSeconds(30);
        Instant unfollowedAt = followedAt.plusSeconds(10);
        Instant followedAgainAt = followedAt.plusSeconds(20);
        var follow = envelope(FollowCreated.TOPIC, creator, new FollowCreated(creator, user, followedAt));
        var unfollow = envelope(FollowDeleted.TOPIC, creator, new FollowDeleted(creator, user, unfollowedAt));
        var followAgain = envelope(FollowCreated.TOPIC, creator, new FollowCreated(creator, user, followedAgainAt));

        // the unfollow overtakes the follow (a lagging instance, a redelivery)
        ingestion.ingest(List.of(unfollow));
        ingestion.ingest(List.of(follow));
        assertThat(isFollowing(user, creator)).isFalse();

        ingestion.ingest(List.of(followAgain));
        ingestion.ingest(List.of(unfollow, follow));
        assertThat(isFollowing(user, creator)).isTrue();
        assertThat(followedAt(user, creator)).isEqualTo(followedAgainAt);
    }

    private static EventEnvelope<Object> envelope(String topic, String key, Object data) {
        return EventEnvelope.of(Ids.newId(), "follower-service", topic, Events.now(), key, data);
    }

    private Instant followedAt(String user, String creator) {
        return jdbc.sql("select followed_at from follow_edge where user_id = :u and creator_id = :c")
                .param("u", user)
                .param("c", creator)
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant();
    }
}
