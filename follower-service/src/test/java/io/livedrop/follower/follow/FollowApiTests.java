package io.livedrop.follower.follow;

import static io.livedrop.follower.FollowerFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.livedrop.common.events.FollowCreated;
import io.livedrop.common.events.FollowDeleted;
import io.livedrop.follower.FollowerApi.Reply;
import io.livedrop.follower.FollowerFixtures;
import io.livedrop.follower.FollowerFixtures.OutboxedEvent;
import io.livedrop.follower.FollowerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Every row of the "Follows" table of API.md, with its error codes, and the events each change writes. */
class FollowApiTests extends FollowerIntegrationTest {

    @Nested
    class Follow {

        @Test
        void createsTheEdgeWith201() {
            UUID creator = fixtures.newCreator();
            UUID user = newUser();

            Reply reply = api.follow(user, creator);

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.text("creatorId")).isEqualTo(creator.toString());
            assertThat(reply.text("userId")).isEqualTo(user.toString());
            assertThat(Instant.parse(reply.text("followedAt"))).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
            assertThat(fixtures.edgesOf(creator)).isEqualTo(1);
            assertThat(fixtures.userCopiesOf(creator)).isEqualTo(1);
        }

        @Test
        void followingAgainAnswers200WithTheExistingEdgeAndNoSecondEvent() {
            UUID creator = fixtures.newCreator();
            UUID user = newUser();
            Reply first = api.follow(user, creator);

            Reply again = api.follow(user, creator);

            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(fixtures.eventsOf(creator))
                    .extracting(OutboxedEvent::topic)
                    .containsExactly(FollowCreated.TOPIC);
        }

        @Test
        void writesFollowCreatedKeyedByCreator() {
            UUID creator = fixtures.newCreator();
            UUID user = newUser();
            Reply reply = api.follow(user, creator);

            OutboxedEvent event = fixtures.eventsOf(creator).getFirst();

            assertThat(event.topic()).isEqualTo(FollowCreated.TOPIC);
            assertThat(event.key()).isEqualTo(creator.toString());
            assertThat(event.envelope().path("subject").asString()).isEqualTo(creator.toString());
            assertThat(event.envelope().path("data").path("creatorId").asString())
                    .isEqualTo(creator.toString());
            assertThat(event.userId()).isEqualTo(user.toString());
            assertThat(Instant.parse(event.envelope().path("data").path("at").asString()))
                    .isEqualTo(Instant.parse(reply.text("followedAt")));
        }

        @Test
        void unknownCreatorIs404CreatorNotFound() {
            Reply reply = api.follow(newUser(), newUser());

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("CREATOR_NOT_FOUND");
            assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        void malformedCreatorIdIs404CreatorNotFound() {
            Reply reply = api.follow(newUser(), "not-a-creator-id");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("CREATOR_NOT_FOUND");
        }

        @Test
        void followingYourselfIs422CannotFollowSelf() {
            UUID creator = fixtures.newCreator();

            Reply reply = api.follow(creator, creator);

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.code()).isEqualTo("CANNOT_FOLLOW_SELF");
            assertThat(fixtures.edgesOf(creator)).isZero();
        }

        @Test
        void followingYourselfWithDifferentLetterCaseIsStillSelf() {
            UUID creator = fixtures.newCreator();

            Reply reply = api.follow(creator, creator.toString().toUpperCase());

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.code()).isEqualTo("CANNOT_FOLLOW_SELF");
        }

        @Test
        void missingCreatorIdIs400ValidationFailed() {
            Reply reply = api.post("/api/follows", FollowerFixtures.bearer(newUser()), "{}");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(reply.body().path("errors").get(0).path("field").asString())
                    .isEqualTo("creatorId");
        }

        @Test
        void malformedJsonIs400ValidationFailed() {
            Reply reply = api.post("/api/follows", FollowerFixtures.bearer(newUser()), "{\"creatorId\": ");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        }

        @Test
        void withoutTokenIs401() {
            Reply reply = api.post("/api/follows", null, "{\"creatorId\":\"" + fixtures.newCreator() + "\"}");

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
        }

        @Test
        void expiredTokenIs401() {
            String expired = "Bearer " + jwtIssuer.userToken(newUser().toString(), Duration.ofMinutes(-5));

            Reply reply = api.post("/api/follows", expired, "{\"creatorId\":\"" + fixtures.newCreator() + "\"}");

            assertThat(reply.status()).isEqualTo(401);
        }
    }

    @Nested
    class Unfollow {

        @Test
        void removesTheEdgeWith204AndWritesFollowDeleted() {
            UUID creator = fixtures.newCreator();
            UUID user = newUser();
            api.follow(user, creator);

            Reply reply = api.unfollow(user, creator);

            assertThat(reply.status()).isEqualTo(204);
            assertThat(fixtures.edgesOf(creator)).isZero();
            assertThat(fixtures.userCopiesOf(creator)).isZero();
            assertThat(fixtures.eventsOf(creator))
                    .extracting(OutboxedEvent::topic)
                    .containsExactly(FollowCreated.TOPIC, FollowDeleted.TOPIC);
            OutboxedEvent deleted = fixtures.eventsOf(creator).getLast();
            assertThat(deleted.key()).isEqualTo(creator.toString());
            assertThat(deleted.userId()).isEqualTo(user.toString());
        }

        @Test
        void notFollowingIsStill204WithoutAnEvent() {
            UUID creator = fixtures.newCreator();
            UUID user = newUser();
            api.follow(user, creator);
            api.unfollow(user, creator);

            Reply again = api.unfollow(user, creator);
            Reply never = api.unfollow(newUser(), creator);

            assertThat(again.status()).isEqualTo(204);
            assertThat(never.status()).isEqualTo(204);
            assertThat(fixtures.eventsOf(creator)).hasSize(2);
        }

        @Test
        void unknownOrMalformedCreatorIs204() {
            assertThat(api.unfollow(newUser(), newUser()).status()).isEqualTo(204);
            assertThat(api.unfollow(newUser(), "not-an-id").status()).isEqualTo(204);
        }

        @Test
        void followAfterUnfollowIsANewEdge() {
            UUID creator = fixtures.newCreator();
            UUID user = newUser();
            api.follow(user, creator);
            api.unfollow(user, creator);

            Reply reply = api.follow(user, creator);

            assertThat(reply.status()).isEqualTo(201);
            List<OutboxedEvent> events = fixtures.eventsOf(creator);
            assertThat(events)
                    .extracting(OutboxedEvent::topic)
                    .containsExactly(FollowCreated.TOPIC, FollowDeleted.TOPIC, FollowCreated.TOPIC);
            // consumers keep the newest change of an edge by `at`: a pair's changes carry increasing times
            assertThat(events)
                    .extracting(event -> Instant.parse(
                            event.envelope().path("data").path("at").asString()))
                    .isSortedAccordingTo(Comparator.naturalOrder())
                    .doesNotHaveDuplicates();
            assertThat(Instant.parse(
                            events.getLast().envelope().path("data").path("at").asString()))
                    .isEqualTo(Instant.parse(reply.text("followedAt")));
        }

        @Test
        void withoutTokenIs401() {
            Reply reply = api.get("/api/follows/check?creatorId=x", null);
            var delete =
                    http.delete().uri("/api/follows/" + newUser()).exchange().returnResult(String.class);

            assertThat(reply.status()).isEqualTo(401);
            assertThat(delete.getStatus().value()).isEqualTo(401);
        }
    }

    @Nested
    class Check {

        @Test
        void followingAnswersTrueWithFollowedAt() {
            UUID creator = fixtures.newCreator();
            UUID user = newUser();
            Reply followed = api.follow(user, creator);

            Reply reply = api.check(user, creator);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().path("following").asBoolean()).isTrue();
            assertThat(reply.text("followedAt")).isEqualTo(followed.text("followedAt"));
        }

        @Test
        void notFollowingAnswersFalseWithNullFollowedAt() {
            UUID creator = fixtures.newCreator();
            UUID user = newUser();
            api.follow(newUser(), creator);

            Reply reply = api.check(user, creator);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().path("following").asBoolean()).isFalse();
            assertThat(reply.body().has("followedAt")).isTrue();
            assertThat(reply.body().get("followedAt").isNull()).isTrue();
        }

        @Test
        void answersForTheCallerOnly() {
            UUID creator = fixtures.newCreator();
            api.follow(newUser(), creator);

            assertThat(api.check(newUser(), creator).body().path("following").asBoolean())
                    .isFalse();
        }

        @Test
        void unknownOrMalformedCreatorIsNotFollowed() {
            assertThat(api.check(newUser(), newUser()).body().path("following").asBoolean())
                    .isFalse();
            assertThat(api.check(newUser(), "nope").body().path("following").asBoolean())
                    .isFalse();
        }

        @Test
        void missingCreatorIdIs400ValidationFailed() {
            Reply reply = api.get("/api/follows/check", FollowerFixtures.bearer(newUser()));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Nested
    class FollowerCount {

        @Test
        void serviceTokenGetsTheSumOfTheShards() {
            UUID creator = fixtures.newCreator();
            for (int i = 0; i < 5; i++) {
                api.follow(newUser(), creator);
            }
            UUID leaving = newUser();
            api.follow(leaving, creator);
            api.unfollow(leaving, creator);

            Reply reply = api.followerCount(creator, FollowerFixtures.serviceBearer());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.text("creatorId")).isEqualTo(creator.toString());
            assertThat(reply.body().path("followerCount").asLong()).isEqualTo(5);
        }

        @Test
        void creatorWithoutFollowersCountsZero() {
            Reply reply = api.followerCount(newUser(), FollowerFixtures.serviceBearer());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().path("followerCount").asLong()).isZero();
        }

        @Test
        void malformedCreatorIdIs404() {
            Reply reply = api.followerCount("not-an-id", FollowerFixtures.serviceBearer());

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("CREATOR_NOT_FOUND");
        }

        @Test
        void userTokenIs403AndNoTokenIs401() {
            UUID creator = fixtures.newCreator();

            assertThat(api.followerCount(creator, FollowerFixtures.bearer(newUser()))
                            .status())
                    .isEqualTo(403);
            assertThat(api.followerCount(creator, null).status()).isEqualTo(401);
        }

        @Test
        void aServiceTokenWithoutTheFollowsScopeIs403() {
            Reply reply = api.followerCount(fixtures.newCreator(), FollowerFixtures.otherServiceBearer());

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("FORBIDDEN");
        }
    }
}
