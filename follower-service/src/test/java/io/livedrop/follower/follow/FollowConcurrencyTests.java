package io.livedrop.follower.follow;

import static io.livedrop.follower.FollowerFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.events.FollowCreated;
import io.livedrop.common.events.FollowDeleted;
import io.livedrop.follower.FollowerApi.Reply;
import io.livedrop.follower.FollowerFixtures.OutboxedEvent;
import io.livedrop.follower.FollowerIntegrationTest;
import io.livedrop.follower.follow.application.FollowService;
import io.livedrop.follower.follow.domain.FollowerCountShard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Follow and unfollow racing with each other: one edge per pair, one event per change, exact counts. */
class FollowConcurrencyTests extends FollowerIntegrationTest {

    private static final int THREADS = 16;

    @Autowired
    FollowService follows;

    @RepeatedTest(5)
    void identicalFollowsAtOnceCreateOneEdgeOneEventAndAnswer201Once() throws Exception {
        UUID creator = fixtures.newCreator();
        UUID user = newUser();
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                replies.add(threads.submit(() -> {
                    start.await();
                    return api.follow(user, creator);
                }));
            }
            start.countDown();
            List<Reply> answered = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                answered.add(reply.get());
            }

            assertThat(answered)
                    .extracting(Reply::status)
                    .containsOnly(201, 200)
                    .filteredOn(s -> s == 201)
                    .hasSize(1);
            assertThat(answered)
                    .extracting(reply -> reply.text("followedAt"))
                    .containsOnly(answered.getFirst().text("followedAt"));
        }
        assertThat(fixtures.edgesOf(creator)).isEqualTo(1);
        assertThat(fixtures.userCopiesOf(creator)).isEqualTo(1);
        assertThat(follows.followerCount(creator)).isEqualTo(1);
        assertThat(fixtures.eventsOf(creator)).extracting(OutboxedEvent::topic).containsExactly(FollowCreated.TOPIC);
    }

    @RepeatedTest(5)
    void identicalUnfollowsAtOnceWriteOneEvent() throws Exception {
        UUID creator = fixtures.newCreator();
        UUID user = newUser();
        api.follow(user, creator);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                replies.add(threads.submit(() -> {
                    start.await();
                    return api.unfollow(user, creator);
                }));
            }
            start.countDown();
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(204);
            }
        }
        assertThat(fixtures.edgesOf(creator)).isZero();
        assertThat(follows.followerCount(creator)).isZero();
        assertThat(fixtures.eventsOf(creator))
                .extracting(OutboxedEvent::topic)
                .containsExactly(FollowCreated.TOPIC, FollowDeleted.TOPIC);
    }

    @RepeatedTest(3)
    void followersChurningOnOneCreatorLeaveCountEqualToEdges() throws Exception {
        UUID creator = fixtures.newCreator();
        // few users for many threads: the same pairs race follow against unfollow, not just against each other
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            users.add(newUser());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                workers.add(threads.submit(() -> {
                    start.await();
                    var random = ThreadLocalRandom.current();
                    for (int op = 0; op < 60; op++) {
                        UUID user = users.get(random.nextInt(users.size()));
                        if (random.nextInt(3) < 2) {
                            follows.follow(user, creator);
                        } else {
                            follows.unfollow(user, creator);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        }

        long edges = fixtures.edgesOf(creator);
        List<OutboxedEvent> events = fixtures.eventsOf(creator);
        long created = events.stream()
                .filter(e -> e.topic().equals(FollowCreated.TOPIC))
                .count();
        long deleted = events.stream()
                .filter(e -> e.topic().equals(FollowDeleted.TOPIC))
                .count();
        assertThat(edges).isPositive();
        assertThat(follows.followerCount(creator)).isEqualTo(edges);
        assertThat(fixtures.userCopiesOf(creator)).isEqualTo(edges);
        assertThat(created - deleted).isEqualTo(edges);
        assertThat(shardCounts(creator)).isEqualTo(edgesPerShard(creator));
        assertEventsAlternatePerFollower(events);
    }

    /** Per follower the events must read created, deleted, created, ...: each pair's changes are in commit order. */
    private static void assertEventsAlternatePerFollower(List<OutboxedEvent> events) {
        Map<String, List<String>> byUser = events.stream()
                .collect(Collectors.groupingBy(
                        OutboxedEvent::userId, Collectors.mapping(OutboxedEvent::topic, Collectors.toList())));
        byUser.forEach((user, topics) -> {
            for (int i = 0; i < topics.size(); i++) {
                assertThat(topics.get(i))
                        .as("event %d of follower %s", i, user)
                        .isEqualTo(i % 2 == 0 ? FollowCreated.TOPIC : FollowDeleted.TOPIC);
            }
        });
    }

    private Map<Integer, Long> shardCounts(UUID creator) {
        return jdbc
                .sql("select shard, followers from follower_count_shard where creator_id = :c and followers > 0")
                .param("c", creator)
                .query((rs, row) -> Map.entry(rs.getInt("shard"), rs.getLong("followers")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<Integer, Long> edgesPerShard(UUID creator) {
        return jdbc
                .sql("select user_id from follows where creator_id = :c")
                .param("c", creator)
                .query(UUID.class)
                .list()
                .stream()
                .collect(Collectors.groupingBy(FollowerCountShard::of, Collectors.counting()));
    }
}
