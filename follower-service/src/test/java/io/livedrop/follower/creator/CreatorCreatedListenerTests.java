package io.livedrop.follower.creator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.common.events.CreatorCreated;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.events.Topics;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.TopicReader;
import io.livedrop.follower.FollowerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** The creator registry is kept from creator.created: a creator becomes followable when its event arrives. */
class CreatorCreatedListenerTests extends FollowerIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Test
    void creatorBecomesFollowableWhenItsEventArrives() throws Exception {
        UUID creator = Ids.newId();
        UUID follower = Ids.newId();
        assertThat(api.follow(follower, creator).code()).isEqualTo("CREATOR_NOT_FOUND");

        send(creatorCreated(Ids.newId(), creator.toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> creators.exists(creator));
        assertThat(api.follow(follower, creator).status()).isEqualTo(201);
    }

    @Test
    void redeliveredEventIsProcessedOnce() throws Exception {
        UUID creator = Ids.newId();
        UUID eventId = Ids.newId();
        String event = creatorCreated(eventId, creator.toString());

        send(event);
        send(event);
        UUID marker = Ids.newId();
        send(creatorCreated(Ids.newId(), marker.toString()));

        // records of different keys may be consumed in any order: wait for both creators
        await().atMost(Duration.ofSeconds(30)).until(() -> creators.exists(creator) && creators.exists(marker));
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = :id")
                        .param("id", eventId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void eventWithoutAValidCreatorIdIsDeadLetteredWithoutBlockingOthers() throws Exception {
        UUID poisonEventId = Ids.newId();
        String poisonKey = "poison-" + poisonEventId;
        kafka.send(CreatorCreated.TOPIC, poisonKey, creatorCreated(poisonEventId, "not-a-uuid"))
                .get();
        UUID creator = Ids.newId();
        send(creatorCreated(Ids.newId(), creator.toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> creators.exists(creator));
        assertThat(TopicReader.awaitRecords(List.of(CreatorCreated.TOPIC + Topics.DEAD_LETTER_SUFFIX), poisonKey, 1))
                .hasSize(1);
    }

    private void send(String event) throws Exception {
        String key = codec.read(event, CreatorCreated.class).subject();
        kafka.send(CreatorCreated.TOPIC, key, event).get();
    }

    private String creatorCreated(UUID eventId, String creatorId) {
        return codec.write(EventEnvelope.of(
                eventId,
                "catalog-service",
                CreatorCreated.TOPIC,
                Instant.now(),
                creatorId,
                new CreatorCreated(creatorId, "handle-" + eventId, "Creator " + eventId)));
    }
}
