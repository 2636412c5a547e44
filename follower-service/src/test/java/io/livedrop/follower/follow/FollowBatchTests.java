package io.livedrop.follower.follow;

import static io.livedrop.follower.FollowerFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.follower.FollowerApi.Reply;
import io.livedrop.follower.FollowerFixtures;
import io.livedrop.follower.FollowerIntegrationTest;
import io.livedrop.follower.follow.persistence.FollowEdgeRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** GET /api/follows?creatorIds= (A): the caller's edges among up to 100 creators in one call. */
class FollowBatchTests extends FollowerIntegrationTest {

    @Test
    void answersOnlyTheCallersEdgesAmongTheCreatorsAskedInTheAskedOrder() {
        UUID caller = newUser();
        UUID someoneElse = newUser();
        UUID first = fixtures.newCreator();
        UUID notFollowed = fixtures.newCreator();
        UUID third = fixtures.newCreator();
        UUID followedButNotAsked = fixtures.newCreator();
        Reply followedFirst = api.follow(caller, first);
        Reply followedThird = api.follow(caller, third);
        api.follow(caller, followedButNotAsked);
        api.follow(someoneElse, notFollowed);
        api.follow(someoneElse, first);

        Reply reply = api.followedAmong(caller, ids(third, notFollowed, UUID.randomUUID(), first));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body().propertyNames()).containsExactly("items");
        assertThat(reply.items()).containsExactly(followedThird.body(), followedFirst.body());
        assertThat(reply.headers().getCacheControl()).contains("private").contains("no-store");
    }

    @Test
    void anUnfollowedCreatorIsAbsentAgain() {
        UUID caller = newUser();
        UUID creator = fixtures.newCreator();
        api.follow(caller, creator);
        api.unfollow(caller, creator);

        Reply reply = api.followedAmong(caller, ids(creator));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.items()).isEmpty();
    }

    @Test
    void repeatedParametersAreAccepted() {
        UUID caller = newUser();
        UUID first = fixtures.newCreator();
        UUID second = fixtures.newCreator();
        api.follow(caller, first);
        api.follow(caller, second);

        Reply reply = api.followedAmong(caller, second + "&creatorIds=" + first);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.items())
                .extracting(item -> item.path("creatorId").asString())
                .containsExactly(second.toString(), first.toString());
    }

    @Test
    void anonymousCallersAre401() {
        Reply reply = api.followedAmong(null, ids(fixtures.newCreator()));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void missingEmptyTooManyOrMalformedIdsAreRejected() {
        UUID caller = newUser();
        UUID creator = fixtures.newCreator();
        List<UUID> tooMany = IntStream.range(0, 101).mapToObj(i -> newUser()).toList();

        assertValidationFailed(api.get("/api/follows", FollowerFixtures.bearer(caller)));
        assertValidationFailed(api.followedAmong(caller, ""));
        assertValidationFailed(api.followedAmong(caller, ids(tooMany.toArray(UUID[]::new))));
        assertValidationFailed(api.followedAmong(caller, creator + ",not-a-creator"));
    }

    @Test
    void readsOnePartitionOfFollowsByUser() {
        JsonNode plan = json.readTree(jdbc.sql("explain (format json) " + FollowEdgeRepository.FOLLOWED_AMONG)
                .param("userId", newUser())
                .param(
                        "creatorIds",
                        Stream.generate(UUID::randomUUID)
                                .limit(20)
                                .map(UUID::toString)
                                .toArray(String[]::new))
                .query(String.class)
                .single());

        List<String> relations = new ArrayList<>();
        collectRelations(plan.get(0).get("Plan"), relations);

        assertThat(relations).hasSize(1);
        assertThat(relations.getFirst()).startsWith("follows_by_user_p");
    }

    private static String ids(UUID... creatorIds) {
        return Stream.of(creatorIds).map(UUID::toString).collect(Collectors.joining(","));
    }

    private static void assertValidationFailed(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.body().path("errors").get(0).path("field").asString()).isEqualTo("creatorIds");
    }

    private static void collectRelations(JsonNode node, List<String> relations) {
        if (node.has("Relation Name")) {
            relations.add(node.get("Relation Name").asString());
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> collectRelations(child, relations));
        }
    }
}
