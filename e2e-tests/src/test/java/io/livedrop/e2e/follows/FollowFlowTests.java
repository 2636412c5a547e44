package io.livedrop.e2e.follows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.e2e.support.Api;
import io.livedrop.e2e.support.ApiResponse;
import io.livedrop.e2e.support.Users;
import io.livedrop.e2e.support.Users.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Follows through the gateway: a user becomes a creator in catalog-service, follower-service learns
 * about it from creator.created, then fans follow, check, page through the creator's followers and
 * unfollow; catalog's followerCount follows along from follow.created / follow.deleted.
 */
class FollowFlowTests {

    private static final Duration EVENTUAL = Duration.ofSeconds(30);

    private final Api api = Api.gateway();

    @Test
    void followCheckPagesAndUnfollowThroughTheGateway() {
        User creator = Users.register(api, "E2E Creator");
        User fan = Users.register(api, "E2E Fan");
        becomeCreator(creator);

        ApiResponse followed = followOnceTheCreatorIsKnown(fan, creator);
        assertThat(followed.status()).isEqualTo(201);
        assertThat(followed.text("creatorId")).isEqualTo(creator.id());
        assertThat(followed.text("userId")).isEqualTo(fan.id());

        ApiResponse again = follow(fan, creator.id());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("followedAt")).isEqualTo(followed.text("followedAt"));

        ApiResponse check = api.get("/api/follows/check?creatorId=" + creator.id(), fan.accessToken());
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().path("following").asBoolean()).isTrue();
        assertThat(check.text("followedAt")).isEqualTo(followed.text("followedAt"));

        ApiResponse followers = api.get("/api/creators/" + creator.id() + "/followers", creator.accessToken());
        assertThat(followers.status()).isEqualTo(200);
        assertThat(followers.body().path("items").get(0).path("userId").asString())
                .isEqualTo(fan.id());
        assertThat(followers.body().path("nextCursor").isNull()).isTrue();

        ApiResponse following = api.get("/api/users/" + fan.id() + "/following", fan.accessToken());
        assertThat(following.status()).isEqualTo(200);
        assertThat(following.body().path("items").get(0).path("creatorId").asString())
                .isEqualTo(creator.id());

        awaitFollowerCount(creator, 1);

        assertThat(api.delete("/api/follows/" + creator.id(), fan.accessToken()).status())
                .isEqualTo(204);
        assertThat(api.delete("/api/follows/" + creator.id(), fan.accessToken()).status())
                .isEqualTo(204);
        ApiResponse afterUnfollow = api.get("/api/follows/check?creatorId=" + creator.id(), fan.accessToken());
        assertThat(afterUnfollow.body().path("following").asBoolean()).isFalse();
        assertThat(afterUnfollow.body().path("followedAt").isNull()).isTrue();
        assertThat(api.get("/api/creators/" + creator.id() + "/followers", creator.accessToken())
                        .body()
                        .path("items")
                        .isEmpty())
                .isTrue();

        awaitFollowerCount(creator, 0);
    }

    @Test
    void followerPagesWalkWithCursorsThroughTheGateway() {
        User creator = Users.register(api, "E2E Paged Creator");
        becomeCreator(creator);
        List<User> fans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            User fan = Users.register(api, "E2E Fan " + i);
            assertThat(
                            i == 0
                                    ? followOnceTheCreatorIsKnown(fan, creator).status()
                                    : follow(fan, creator.id()).status())
                    .isEqualTo(201);
            fans.add(fan);
        }

        List<String> served = new ArrayList<>();
        String path = "/api/creators/" + creator.id() + "/followers?limit=2";
        ApiResponse page = api.get(path, creator.accessToken());
        while (true) {
            assertThat(page.status()).isEqualTo(200);
            page.body()
                    .path("items")
                    .forEach(item -> served.add(item.path("userId").asString()));
            String cursor = page.text("nextCursor");
            if (cursor == null) {
                break;
            }
            page = api.get(path + "&cursor=" + cursor, creator.accessToken());
        }

        assertThat(served)
                .containsExactlyElementsOf(
                        fans.reversed().stream().map(User::id).toList());
        awaitFollowerCount(creator, 5);
    }

    @Test
    void followRulesAndOwnershipThroughTheGateway() {
        User creator = Users.register(api, "E2E Strict Creator");
        User fan = Users.register(api, "E2E Curious Fan");
        becomeCreator(creator);
        followOnceTheCreatorIsKnown(fan, creator);

        ApiResponse self = follow(creator, creator.id());
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.code()).isEqualTo("CANNOT_FOLLOW_SELF");

        ApiResponse unknown = follow(fan, UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("CREATOR_NOT_FOUND");

        ApiResponse othersFollowers = api.get("/api/creators/" + creator.id() + "/followers", fan.accessToken());
        assertThat(othersFollowers.status()).isEqualTo(403);
        assertThat(othersFollowers.code()).isEqualTo("FORBIDDEN");

        ApiResponse othersFollowing = api.get("/api/users/" + fan.id() + "/following", creator.accessToken());
        assertThat(othersFollowing.status()).isEqualTo(403);
        assertThat(othersFollowing.code()).isEqualTo("FORBIDDEN");

        ApiResponse anonymous = api.post("/api/follows", Map.of("creatorId", creator.id()), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");

        ApiResponse internal = api.get("/internal/follows/creators/" + creator.id() + "/count", fan.accessToken());
        assertThat(internal.status()).isEqualTo(404);
    }

    private void becomeCreator(User user) {
        String handle = "e2e_"
                + HexFormat.of()
                        .toHexDigits(ThreadLocalRandom.current().nextLong())
                        .substring(0, 12);
        ApiResponse created = api.post(
                "/api/creators",
                Map.of("handle", handle, "displayName", user.name(), "bio", "Follows end-to-end"),
                user.accessToken());
        assertThat(created.status()).as("POST /api/creators: %s", created).isEqualTo(201);
        assertThat(created.text("id")).isEqualTo(user.id());
    }

    /**
     * Follow-service learns about a new creator from creator.created, a moment after POST
     * /api/creators: until then a follow is 404 CREATOR_NOT_FOUND, so retry (follow is idempotent).
     */
    private ApiResponse followOnceTheCreatorIsKnown(User fan, User creator) {
        ApiResponse[] last = new ApiResponse[1];
        await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = follow(fan, creator.id());
            return last[0].status() != 404;
        });
        return last[0];
    }

    private ApiResponse follow(User fan, String creatorId) {
        return api.post("/api/follows", Map.of("creatorId", creatorId), fan.accessToken());
    }

    /** catalog keeps followerCount from follow.created / follow.deleted (API.md: may lag ≤ 2 s). */
    private void awaitFollowerCount(User creator, long expected) {
        await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode profile = api.get("/api/creators/" + creator.id(), null).body();
            assertThat(profile.path("followerCount").asLong(-1)).isEqualTo(expected);
        });
    }
}
