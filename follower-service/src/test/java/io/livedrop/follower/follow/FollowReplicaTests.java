package io.livedrop.follower.follow;

import static io.livedrop.follower.FollowerFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.TestReplica;
import io.livedrop.common.test.WithTestReplica;
import io.livedrop.follower.FollowerApi.Reply;
import io.livedrop.follower.FollowerIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * follower-service with a real hot standby: a creator's followers page is read from the replica (with
 * replay paused, a new follower is missing there until replay resumes), while the caller's following
 * list shows their follow at once (read-your-writes from the primary).
 */
@WithTestReplica
class FollowReplicaTests extends FollowerIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void followersPagesComeFromTheReplicaAndTheCallersFollowingListFromThePrimary(TestReplica replica) {
        UUID creator = fixtures.newCreator();
        UUID early = newUser();
        assertThat(api.follow(early, creator).status()).isEqualTo(201);
        replica.awaitCaughtUp(Duration.ofSeconds(10));
        double replicaReadsBefore = replicaReads();

        replica.pauseReplay();
        UUID late = newUser();
        try {
            assertThat(api.follow(late, creator).status()).isEqualTo(201);

            Reply followers = api.followers(creator, creator, 10, null);
            assertThat(followers.status()).isEqualTo(200);
            assertThat(userIds(followers))
                    .as("the replica has not replayed the new follow")
                    .containsExactly(early.toString());
            assertThat(replicaReads()).isGreaterThan(replicaReadsBefore);

            Reply following = api.following(late, late, 10, null);
            assertThat(following.status()).isEqualTo(200);
            assertThat(following.items())
                    .extracting(item -> item.path("creatorId").asString())
                    .as("read-your-writes: the follow just made")
                    .containsExactly(creator.toString());
            assertThat(api.check(late, creator).status()).isEqualTo(200);
        } finally {
            replica.resumeReplay();
        }

        replica.awaitCaughtUp(Duration.ofSeconds(10));
        assertThat(userIds(api.followers(creator, creator, 10, null)))
                .containsExactly(late.toString(), early.toString());
    }

    private double replicaReads() {
        return meters.counter("livedrop.db.replica.reads", "target", "replica").count();
    }

    private static List<String> userIds(Reply page) {
        return page.items().stream().map(item -> item.path("userId").asString()).toList();
    }
}
