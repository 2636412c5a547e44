package io.livedrop.follower.follow;

import static io.livedrop.follower.FollowerFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.events.FollowCreated;
import io.livedrop.common.events.FollowDeleted;
import io.livedrop.common.test.TopicReader;
import io.livedrop.follower.FollowerIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** follow.created / follow.deleted reach Kafka through the outbox, keyed by creator, once per change. */
class FollowEventsKafkaTests extends FollowerIntegrationTest {

    @Test
    void followChangesArriveOnKafkaInOrderOncePerChange() {
        UUID creator = fixtures.newCreator();
        UUID user = newUser();
        String followedAt = api.follow(user, creator).text("followedAt");
        api.follow(user, creator); // idempotent: no event
        api.unfollow(user, creator);
        api.unfollow(user, creator); // not following any more: no event
        api.follow(user, creator);

        List<ConsumerRecord<String, String>> records =
                TopicReader.awaitRecords(List.of(FollowCreated.TOPIC, FollowDeleted.TOPIC), creator.toString(), 3);

        assertThat(records).hasSize(3);
        assertThat(records)
                .extracting(ConsumerRecord::topic)
                .containsExactlyInAnyOrder(FollowCreated.TOPIC, FollowDeleted.TOPIC, FollowCreated.TOPIC);
        JsonNode first = json.readTree(records.stream()
                .filter(r -> r.topic().equals(FollowCreated.TOPIC))
                .findFirst()
                .orElseThrow()
                .value());
        assertThat(first.path("type").asString()).isEqualTo(FollowCreated.TOPIC);
        assertThat(first.path("source").asString()).isEqualTo("follower-service");
        assertThat(first.path("data").path("creatorId").asString()).isEqualTo(creator.toString());
        assertThat(first.path("data").path("userId").asString()).isEqualTo(user.toString());
        assertThat(first.path("data").path("at").asString()).isEqualTo(followedAt);
        assertThat(records)
                .extracting(r -> json.readTree(r.value()).path("id").asString())
                .doesNotHaveDuplicates();
    }
}
