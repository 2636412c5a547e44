package io.livedrop.catalog.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.follow.messaging.FollowEventsListener;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.FollowCreated;
import io.livedrop.common.events.FollowDeleted;
import io.livedrop.common.events.Topics;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.TestEvents;
import io.livedrop.common.test.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * followerCount and the follow replica from follow.created / follow.deleted: idempotent, robust to
 * the two topics arriving out of order, and one counter update per batch for a celebrity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowerCountTests extends CatalogIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    FollowEventsListener listener;

    TestEvents events;
    String creatorId;

    /** Counts row updates of creator_follower_count per creator: how hot the counter row runs. */
    @BeforeAll
    void countCounterUpdates() {
        jdbc.sql("create table if not exists test_counter_update (creator_id uuid not null)")
                .update();
        jdbc.sql("""
                create or replace function test_count_counter_update() returns trigger language plpgsql as $$
                begin insert into test_counter_update values (new.creator_id); return new; end $$
                """).update();
        jdbc.sql("""
                create or replace trigger test_counter_update after update on creator_follower_count
                for each row execute function test_count_counter_update()
                """).update();
    }

    @AfterAll
    void stopCounting() {
        jdbc.sql("drop trigger if exists test_counter_update on creator_follower_count")
                .update();
    }

    @BeforeEach
    void setUp() {
        events = new TestEvents(kafka, codec);
        creatorId = api.newCreator().id();
    }

    @Test
    void followerCountFollowsFollowsAndUnfollows() {
        String fan1 = Ids.newId().toString();
        String fan2 = Ids.newId().toString();
        Instant t = Instant.now();

        events.publish(FollowCreated.TOPIC, creatorId, new FollowCreated(creatorId, fan1, t));
        events.publish(FollowCreated.TOPIC, creatorId, new FollowCreated(creatorId, fan2, t.plusMillis(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> followerCount() == 2);

        events.publish(FollowDeleted.TOPIC, creatorId, new FollowDeleted(creatorId, fan1, t.plusMillis(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> followerCount() == 1);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        String fan = Ids.newId().toString();
        Instant t = Instant.now();
        UUID eventId = Ids.newId();
        var follow = new FollowCreated(creatorId, fan, t);

        listener.on(List.of(record(FollowCreated.TOPIC, eventId, follow, t)));
        listener.on(List.of(
                record(FollowCreated.TOPIC, eventId, follow, t), record(FollowCreated.TOPIC, eventId, follow, t)));

        assertThat(followerCount()).isEqualTo(1);
        assertThat(following(fan)).isTrue();
    }

    /** follow.created and follow.deleted are separate topics: an unfollow can overtake its follow. */
    @Test
    void anUnfollowThatOvertookItsFollowWins() {
        String fan = Ids.newId().toString();
        Instant followedAt = Instant.now();

        listener.on(List.of(record(
                FollowDeleted.TOPIC,
                Ids.newId(),
                new FollowDeleted(creatorId, fan, followedAt.plusSeconds(1)),
                followedAt)));
        listener.on(List.of(
                record(FollowCreated.TOPIC, Ids.newId(), new FollowCreated(creatorId, fan, followedAt), followedAt)));

        assertThat(followerCount()).isZero();
        assertThat(following(fan)).isFalse();

        // following again later counts again
        listener.on(List.of(record(
                FollowCreated.TOPIC,
                Ids.newId(),
                new FollowCreated(creatorId, fan, followedAt.plusSeconds(2)),
                followedAt)));
        assertThat(followerCount()).isEqualTo(1);
    }

    @Test
    void followAndUnfollowInOneBatchNetOut() {
        String fan = Ids.newId().toString();
        String stays = Ids.newId().toString();
        Instant t = Instant.now();

        listener.on(List.of(
                record(FollowCreated.TOPIC, Ids.newId(), new FollowCreated(creatorId, fan, t), t),
                record(FollowCreated.TOPIC, Ids.newId(), new FollowCreated(creatorId, stays, t), t),
                record(FollowDeleted.TOPIC, Ids.newId(), new FollowDeleted(creatorId, fan, t.plusMillis(5)), t)));

        assertThat(followerCount()).isEqualTo(1);
        assertThat(following(fan)).isFalse();
        assertThat(following(stays)).isTrue();
    }

    @Test
    void aBatchOfACelebritysFollowsUpdatesTheCounterRowOnce() {
        listener.on(List.of(record(
                FollowCreated.TOPIC,
                Ids.newId(),
                new FollowCreated(creatorId, Ids.newId().toString(), Instant.now()),
                Instant.now())));
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Instant at = Instant.now();
            batch.add(record(
                    FollowCreated.TOPIC,
                    Ids.newId(),
                    new FollowCreated(creatorId, Ids.newId().toString(), at),
                    at));
        }

        listener.on(batch);

        assertThat(followerCount()).isEqualTo(401);
        assertThat(counterUpdates()).isEqualTo(1);
    }

    @Test
    void aBurstOfFollowsThroughKafkaIsCountedInFewUpdates() {
        int follows = 1000;
        for (int i = 0; i < follows; i++) {
            kafka.send(
                    FollowCreated.TOPIC,
                    creatorId,
                    events.envelope(
                            FollowCreated.TOPIC,
                            creatorId,
                            new FollowCreated(creatorId, Ids.newId().toString(), Instant.now()),
                            Instant.now()));
        }
        kafka.flush();

        await().atMost(Duration.ofSeconds(60)).until(() -> followerCount() == follows);
        assertThat(counterUpdates())
                .as("updates of the counter row for %d follows", follows)
                .isLessThan(follows / 10);
        assertThat(api.get("/api/creators/" + creatorId, null)
                        .body()
                        .path("followerCount")
                        .asLong())
                .isEqualTo(follows);
    }

    @Test
    void aPoisonEventIsDeadLetteredAndDoesNotBlockTheOthers() {
        String fan = Ids.newId().toString();
        kafka.send(FollowCreated.TOPIC, creatorId, "{not json");
        events.publish(FollowCreated.TOPIC, creatorId, new FollowCreated(creatorId, fan, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> followerCount() == 1);
        List<ConsumerRecord<String, String>> deadLetters =
                TopicReader.awaitRecords(List.of(FollowCreated.TOPIC + Topics.DEAD_LETTER_SUFFIX), creatorId, 1);
        assertThat(deadLetters)
                .singleElement()
                .satisfies(record -> assertThat(record.value()).isEqualTo("{not json"));
    }

    private long followerCount() {
        return api.get("/api/creators/" + creatorId, null)
                .body()
                .path("followerCount")
                .asLong();
    }

    private long counterUpdates() {
        return jdbc.sql("select count(*) from test_counter_update where creator_id = cast(:id as uuid)")
                .param("id", creatorId)
                .query(Long.class)
                .single();
    }

    private boolean following(String userId) {
        return jdbc.sql(
                        "select following from follow_edge where user_id = cast(:u as uuid) and creator_id = cast(:c as uuid)")
                .param("u", userId)
                .param("c", creatorId)
                .query(Boolean.class)
                .single();
    }

    private ConsumerRecord<String, String> record(String topic, UUID eventId, Object data, Instant time) {
        String json = codec.write(
                io.livedrop.common.events.EventEnvelope.of(eventId, "follower-service", topic, time, creatorId, data));
        return new ConsumerRecord<>(topic, 0, 0L, creatorId, json);
    }
}
