package io.livedrop.follower.follow;

import static io.livedrop.follower.FollowerFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.follower.FollowerApi.Reply;
import io.livedrop.follower.FollowerFixtures;
import io.livedrop.follower.FollowerIntegrationTest;
import io.livedrop.follower.follow.persistence.FollowEdgeRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Followers and following pages: owner only, newest first, keyset cursors stable under concurrent follows. */
class FollowPagesTests extends FollowerIntegrationTest {

    @Test
    void followersComeNewestFirstInPagesUntilTheLastOne() {
        UUID creator = fixtures.newCreator();
        List<UUID> followers = followedBy(creator, 7);

        Reply first = api.followers(creator, creator, 3, null);
        Reply second = api.followers(creator, creator, 3, first.nextCursor());
        Reply last = api.followers(creator, creator, 3, second.nextCursor());

        assertThat(first.status()).isEqualTo(200);
        assertThat(userIds(first)).containsExactly(idsOf(followers.reversed().subList(0, 3)));
        assertThat(userIds(second)).containsExactly(idsOf(followers.reversed().subList(3, 6)));
        assertThat(userIds(last)).containsExactly(followers.getFirst().toString());
        assertThat(last.nextCursor()).isNull();
        assertThat(first.items().getFirst().path("followedAt").asString()).endsWith("Z");
        assertThat(first.items().getFirst().properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("userId", "followedAt");
    }

    @Test
    void defaultPageHasTwentyItems() {
        UUID creator = fixtures.newCreator();
        followedBy(creator, 21);

        Reply page = api.followers(creator, creator, null, null);

        assertThat(page.items()).hasSize(20);
        assertThat(page.nextCursor()).isNotNull();
    }

    @Test
    void exactlyFullLastPageHasNoNextCursor() {
        UUID creator = fixtures.newCreator();
        followedBy(creator, 4);

        Reply page = api.followers(creator, creator, 4, null);

        assertThat(page.items()).hasSize(4);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void creatorWithoutFollowersGetsAnEmptyPage() {
        UUID creator = fixtures.newCreator();

        Reply page = api.followers(creator, creator, null, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void someoneElsesFollowersAre403Forbidden() {
        UUID creator = fixtures.newCreator();
        UUID follower = newUser();
        api.follow(follower, creator);

        Reply byFollower = api.followers(follower, creator, null, null);
        Reply malformed = api.followers(follower, "not-an-id", null, null);

        assertThat(byFollower.status()).isEqualTo(403);
        assertThat(byFollower.code()).isEqualTo("FORBIDDEN");
        assertThat(malformed.status()).isEqualTo(403);
        assertThat(malformed.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void followersWithoutTokenAre401() {
        Reply reply = api.get("/api/creators/" + newUser() + "/followers", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void limitOutsideOneToHundredIs400() {
        UUID creator = fixtures.newCreator();

        for (String limit : List.of("0", "101", "-1", "many")) {
            Reply reply =
                    api.get("/api/creators/" + creator + "/followers?limit=" + limit, FollowerFixtures.bearer(creator));
            assertThat(reply.status()).as(limit).isEqualTo(400);
            assertThat(reply.code()).as(limit).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api.followers(creator, creator, 100, null).status()).isEqualTo(200);
    }

    @Test
    void tamperedOrForeignCursorIs400InvalidCursor() {
        UUID creator = fixtures.newCreator();
        UUID otherCreator = fixtures.newCreator();
        followedBy(creator, 3);
        followedBy(otherCreator, 3);
        String cursor = api.followers(creator, creator, 1, null).nextCursor();
        String otherCreatorsCursor =
                api.followers(otherCreator, otherCreator, 1, null).nextCursor();
        String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);

        for (String bad : List.of(tampered, "garbage", "a.b", otherCreatorsCursor)) {
            Reply reply = api.followers(creator, creator, 1, bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.code()).as(bad).isEqualTo("INVALID_CURSOR");
        }
        Reply followingWithFollowersCursor = api.following(creator, creator, 1, cursor);
        assertThat(followingWithFollowersCursor.code()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void followersPagesNeitherSkipNorRepeatWhileFollowsArrive() {
        UUID creator = fixtures.newCreator();
        List<UUID> original = followedBy(creator, 25);
        List<String> newestFirst = List.of(idsOf(original.reversed()));

        List<String> served = new ArrayList<>();
        List<UUID> arrivedMeanwhile = new ArrayList<>();
        Reply page = api.followers(creator, creator, 10, null);
        served.addAll(userIds(page));
        while (page.nextCursor() != null) {
            arrivedMeanwhile.addAll(followedBy(creator, 3));
            page = api.followers(creator, creator, 10, page.nextCursor());
            served.addAll(userIds(page));
        }

        assertThat(served).containsExactlyElementsOf(newestFirst);
        Reply fresh = api.followers(creator, creator, 100, null);
        assertThat(userIds(fresh))
                .startsWith(idsOf(arrivedMeanwhile.reversed()))
                .hasSize(25 + arrivedMeanwhile.size());
    }

    @Test
    void unfollowsBetweenPagesOnlyRemoveTheUnfollowed() {
        UUID creator = fixtures.newCreator();
        List<UUID> original = followedBy(creator, 9);
        List<UUID> newestFirst = original.reversed();

        Reply first = api.followers(creator, creator, 3, null);
        api.unfollow(newestFirst.get(1), creator); // already served
        api.unfollow(newestFirst.get(4), creator); // not served yet
        Reply second = api.followers(creator, creator, 3, first.nextCursor());

        assertThat(userIds(second))
                .containsExactly(idsOf(List.of(newestFirst.get(3), newestFirst.get(5), newestFirst.get(6))));
    }

    @Test
    void edgesFollowedInTheSameMicrosecondAreOrderedByUserAndPagedWithoutLoss() {
        UUID creator = fixtures.newCreator();
        Instant sameMoment = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<UUID> tied = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID user = newUser();
            insertEdge(creator, user, sameMoment);
            tied.add(user);
        }
        List<String> expected = tied.stream()
                .sorted(Comparator.comparing(UUID::toString).reversed())
                .map(UUID::toString)
                .toList();

        List<String> served = walk(cursor -> api.followers(creator, creator, 2, cursor), "userId");

        assertThat(served).containsExactlyElementsOf(expected);
    }

    @Test
    void followingComesNewestFirstForTheUserOnly() {
        UUID user = newUser();
        List<UUID> followed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID creator = fixtures.newCreator();
            api.follow(user, creator);
            followed.add(creator);
        }
        api.unfollow(user, followed.get(2));

        List<String> served = walk(cursor -> api.following(user, user, 2, cursor), "creatorId");

        assertThat(served)
                .containsExactly(idsOf(List.of(followed.get(4), followed.get(3), followed.get(1), followed.get(0))));
        Reply page = api.following(user, user, 1, null);
        assertThat(page.items().getFirst().properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("creatorId", "followedAt");
    }

    @Test
    void followingPagesNeitherSkipNorRepeatWhileFollowsArrive() {
        UUID user = newUser();
        List<String> original = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID creator = fixtures.newCreator();
            api.follow(user, creator);
            original.addFirst(creator.toString());
        }

        List<String> served = new ArrayList<>();
        Reply page = api.following(user, user, 3, null);
        served.addAll(ids(page, "creatorId"));
        while (page.nextCursor() != null) {
            api.follow(user, fixtures.newCreator());
            page = api.following(user, user, 3, page.nextCursor());
            served.addAll(ids(page, "creatorId"));
        }

        assertThat(served).containsExactlyElementsOf(original);
    }

    @Test
    void someoneElsesFollowingIs403Forbidden() {
        UUID user = newUser();
        api.follow(user, fixtures.newCreator());

        Reply reply = api.following(newUser(), user, null, null);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
        assertThat(api.following(user, "not-an-id", null, null).status()).isEqualTo(403);
        assertThat(api.get("/api/users/" + user + "/following", null).status()).isEqualTo(401);
    }

    @Test
    void ownIdInUpperCaseIsStillOwn() {
        UUID user = newUser();
        api.follow(user, fixtures.newCreator());

        Reply reply = api.following(user, user.toString().toUpperCase(), null, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.items()).hasSize(1);
    }

    @Test
    void followingPageReadsOnePartitionOfFollowsByUser() {
        UUID user = newUser();
        Instant now = Instant.now();
        JsonNode plan = json.readTree(jdbc.sql("explain (format json) " + FollowEdgeRepository.FOLLOWING_PAGE_AFTER)
                .param("userId", user)
                .param("afterFollowedAt", now.atOffset(ZoneOffset.UTC))
                .param("afterId", newUser())
                .param("limit", 21)
                .query(String.class)
                .single());

        List<String> relations = new ArrayList<>();
        collectRelations(plan.get(0).get("Plan"), relations);

        assertThat(relations).hasSize(1);
        assertThat(relations.getFirst()).startsWith("follows_by_user_p");
    }

    private List<UUID> followedBy(UUID creator, int count) {
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID user = newUser();
            assertThat(api.follow(user, creator).status()).isEqualTo(201);
            users.add(user);
        }
        return users;
    }

    private void insertEdge(UUID creator, UUID user, Instant at) {
        OffsetDateTime followedAt = at.atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into follows (creator_id, user_id, followed_at) values (:c, :u, :at)")
                .param("c", creator)
                .param("u", user)
                .param("at", followedAt)
                .update();
        jdbc.sql("insert into follows_by_user (user_id, creator_id, followed_at) values (:u, :c, :at)")
                .param("c", creator)
                .param("u", user)
                .param("at", followedAt)
                .update();
    }

    private static List<String> walk(Function<String, Reply> fetch, String idField) {
        List<String> served = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = fetch.apply(cursor);
            assertThat(page.status()).isEqualTo(200);
            served.addAll(ids(page, idField));
            cursor = page.nextCursor();
        } while (cursor != null);
        return served;
    }

    private static List<String> userIds(Reply page) {
        return ids(page, "userId");
    }

    private static List<String> ids(Reply page, String field) {
        return page.items().stream().map(item -> item.path(field).asString()).toList();
    }

    private static String[] idsOf(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    private static void collectRelations(JsonNode node, List<String> relations) {
        if (node.has("Relation Name")) {
            relations.add(node.get("Relation Name").asString());
        }
        node.path("Plans").forEach(child -> collectRelations(child, relations));
    }
}
