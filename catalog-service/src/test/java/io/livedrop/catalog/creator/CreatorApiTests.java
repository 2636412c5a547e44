package io.livedrop.catalog.creator;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.support.CatalogApi;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.Outboxes;
import io.livedrop.catalog.support.Response;
import io.livedrop.common.events.CreatorCreated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API.md: POST /api/creators (A), GET /api/creators/{id} (P), PATCH /api/creators/me (C). */
class CreatorApiTests extends CatalogIntegrationTest {

    @BeforeEach
    void client() {}

    @Test
    void userBecomesCreatorWithTheirOwnIdAndCreatorCreatedIsInTheOutbox() {
        User user = api.newUser();
        String handle = CatalogApi.uniqueHandle();

        Response created = api.post(
                "/api/creators",
                Map.of(
                        "handle",
                        handle,
                        "displayName",
                        "  Ada Lovelace ",
                        "bio",
                        "Engines",
                        "profileImageUrl",
                        "https://img.example/ada.png"),
                user.token());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/creators/" + user.id());
        JsonNode body = created.body();
        assertThat(body.path("id").asString()).isEqualTo(user.id());
        assertThat(body.path("handle").asString()).isEqualTo(handle);
        assertThat(body.path("displayName").asString()).isEqualTo("Ada Lovelace");
        assertThat(body.path("bio").asString()).isEqualTo("Engines");
        assertThat(body.path("profileImageUrl").asString()).isEqualTo("https://img.example/ada.png");
        assertThat(body.path("followerCount").asLong()).isZero();
        assertThat(body.path("createdAt").asString()).endsWith("Z");

        List<JsonNode> events = new Outboxes(jdbc).events(CreatorCreated.TOPIC, user.id());
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().path("data").path("creatorId").asString()).isEqualTo(user.id());
        assertThat(events.getFirst().path("data").path("handle").asString()).isEqualTo(handle);
        assertThat(events.getFirst().path("data").path("displayName").asString())
                .isEqualTo("Ada Lovelace");
    }

    @Test
    void becomingCreatorTwiceIsAlreadyCreator() {
        User user = api.newCreator();

        Response again = api.post(
                "/api/creators", Map.of("handle", CatalogApi.uniqueHandle(), "displayName", "x"), user.token());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_CREATOR");
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void handlesAreUniqueRegardlessOfCase() {
        String handle = CatalogApi.uniqueHandle();
        User first = api.newUser();
        assertThat(api.post("/api/creators", Map.of("handle", handle, "displayName", "a"), first.token())
                        .status())
                .isEqualTo(201);

        Response taken = api.post(
                "/api/creators",
                Map.of("handle", handle.toUpperCase(Locale.ROOT), "displayName", "b"),
                api.newUser().token());

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("HANDLE_TAKEN");
    }

    @RepeatedTest(3)
    void concurrentClaimsOfOneHandleHaveExactlyOneWinner() throws Exception {
        String handle = CatalogApi.uniqueHandle();
        int contenders = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < contenders; i++) {
                User user = api.newUser();
                String variant = i % 2 == 0 ? handle : handle.toUpperCase(Locale.ROOT);
                answers.add(threads.submit(() -> {
                    start.await();
                    return api.post("/api/creators", Map.of("handle", variant, "displayName", "racer"), user.token());
                }));
            }
            start.countDown();
            Map<Integer, Integer> byStatus = new HashMap<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                byStatus.merge(response.status(), 1, Integer::sum);
                if (response.status() == 409) {
                    assertThat(response.code()).isEqualTo("HANDLE_TAKEN");
                }
            }
            assertThat(byStatus).containsEntry(201, 1).containsEntry(409, contenders - 1);
        }
        assertThat(jdbc.sql("select count(*) from creator where lower(handle) = lower(:h)")
                        .param("h", handle)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void invalidProfilesAreRejectedWithTheFieldsNamed() {
        User user = api.newUser();
        for (String badHandle : List.of("ab", "has space", "dash-ed", "x".repeat(31), "émile")) {
            Response response =
                    api.post("/api/creators", Map.of("handle", badHandle, "displayName", "x"), user.token());
            assertThat(response.status()).as(badHandle).isEqualTo(400);
            assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(response.errorFields()).containsExactly("handle");
        }
        Response blankName = api.post(
                "/api/creators",
                Map.of("handle", CatalogApi.uniqueHandle(), "displayName", " ", "profileImageUrl", "ftp://x/y"),
                user.token());
        assertThat(blankName.status()).isEqualTo(400);
        assertThat(blankName.errorFields()).containsExactlyInAnyOrder("displayName", "profileImageUrl");

        Response missing = api.post("/api/creators", "{}", user.token());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).contains("handle", "displayName");

        Response malformed = api.post("/api/creators", "{\"handle\": ", user.token());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void becomingCreatorNeedsAValidToken() {
        var body = Map.of("handle", CatalogApi.uniqueHandle(), "displayName", "x");

        assertThat(api.post("/api/creators", body, null).code()).isEqualTo("UNAUTHENTICATED");
        Response expired =
                api.post("/api/creators", body, tokens.userToken(api.newUser().id(), Duration.ofMinutes(-5)));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void profileIsPublic() {
        User creator = api.newCreator();

        Response profile = api.get("/api/creators/" + creator.id(), null);

        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.header("Content-Type")).startsWith("application/json");
        assertThat(profile.body().propertyNames())
                .containsExactlyInAnyOrder(
                        "id", "handle", "displayName", "bio", "profileImageUrl", "followerCount", "createdAt");
        assertThat(profile.body().path("bio").isNull()).isTrue();
    }

    @Test
    void unknownOrMalformedCreatorIsNotFound() {
        for (String id : List.of(api.newUser().id(), "not-a-uuid", "me")) {
            Response response = api.get("/api/creators/" + id, null);
            assertThat(response.status()).as(id).isEqualTo(404);
            assertThat(response.code()).isEqualTo("CREATOR_NOT_FOUND");
        }
    }

    @Test
    void creatorUpdatesOnlyTheFieldsSent() {
        User creator = api.newCreator();
        api.patch(
                "/api/creators/me",
                Map.of("bio", "old bio", "profileImageUrl", "https://a.example/p.png"),
                creator.token());

        Response updated = api.patch("/api/creators/me", Map.of("displayName", "New Name"), creator.token());

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("displayName")).isEqualTo("New Name");
        assertThat(updated.text("bio")).isEqualTo("old bio");
        assertThat(updated.text("profileImageUrl")).isEqualTo("https://a.example/p.png");

        Response cleared = api.patch("/api/creators/me", Map.of("bio", "", "profileImageUrl", ""), creator.token());
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.body().path("bio").isNull()).isTrue();
        assertThat(cleared.body().path("profileImageUrl").isNull()).isTrue();
        assertThat(api.get("/api/creators/" + creator.id(), null).text("displayName"))
                .isEqualTo("New Name");
    }

    @Test
    void handleChangesKeepHandlesUnique() {
        User creator = api.newCreator();
        String free = CatalogApi.uniqueHandle();
        assertThat(api.patch("/api/creators/me", Map.of("handle", free), creator.token())
                        .text("handle"))
                .isEqualTo(free);

        User other = api.newCreator();
        Response taken = api.patch("/api/creators/me", Map.of("handle", free.toUpperCase(Locale.ROOT)), other.token());

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("HANDLE_TAKEN");
        // the creator may change the case of their own handle
        assertThat(api.patch("/api/creators/me", Map.of("handle", free.toUpperCase(Locale.ROOT)), creator.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void updatingAProfileNeedsOne() {
        Response response =
                api.patch("/api/creators/me", Map.of("bio", "hi"), api.newUser().token());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("NOT_A_CREATOR");
        assertThat(api.patch("/api/creators/me", Map.of("bio", "hi"), null).status())
                .isEqualTo(401);
    }

    @Test
    void invalidUpdatesAreRejected() {
        User creator = api.newCreator();

        Response response = api.patch(
                "/api/creators/me",
                Map.of("handle", "no spaces allowed", "displayName", "", "bio", "b".repeat(1001)),
                creator.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).contains("handle", "displayName", "bio");
    }
}
