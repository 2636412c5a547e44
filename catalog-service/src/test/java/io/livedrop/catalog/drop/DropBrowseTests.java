package io.livedrop.catalog.drop;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.DropRows;
import io.livedrop.catalog.support.Response;
import io.livedrop.common.ids.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API.md: GET /api/drops?status=&creatorId=&followed=&limit=&cursor= with its orderings and keyset pages. */
class DropBrowseTests extends CatalogIntegrationTest {

    DropRows rows;
    User creator;
    String productId;
    Instant now;

    @BeforeEach
    void setUp() {
        rows = new DropRows(jdbc);
        creator = api.newCreator();
        productId = api.createProduct(creator, "Browse me").path("id").asString();
        now = Instant.now();
    }

    @Test
    void upcomingDropsSoonestFirstWithTiesBrokenById() {
        Instant t = now.plus(Duration.ofHours(5));
        String third = drop(t.plusSeconds(20), t.plusSeconds(9000));
        String firstA = drop(t, t.plusSeconds(9000));
        String firstB = drop(t, t.plusSeconds(9000));
        drop(now.minusSeconds(60), now.plusSeconds(3600)); // live: not listed
        String second = drop(t.plusSeconds(10), t.plusSeconds(9000));

        assertThat(all("upcoming")).containsExactly(firstA, firstB, second, third);
    }

    @Test
    void liveDropsLatestStartFirst() {
        String older = drop(now.minusSeconds(3600), now.plusSeconds(3600));
        String newer = drop(now.minusSeconds(60), now.plusSeconds(3600));
        String sameStartA = drop(now.minusSeconds(600), now.plusSeconds(3600));
        String sameStartB = drop(now.minusSeconds(600), now.plusSeconds(7200));
        drop(now.minusSeconds(7200), now.minusSeconds(10)); // ended
        drop(now.plusSeconds(3600), now.plusSeconds(7200)); // upcoming

        assertThat(all("live")).containsExactly(newer, sameStartB, sameStartA, older);
    }

    @Test
    void endedDropsLatestEndFirst() {
        String endedLongAgo = drop(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));
        String endedRecently = drop(now.minus(Duration.ofDays(1)), now.minusSeconds(30));
        String endedBetween = drop(now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(3)));
        drop(now.minusSeconds(60), now.plusSeconds(3600)); // live

        assertThat(all("ended")).containsExactly(endedRecently, endedBetween, endedLongAgo);
    }

    @Test
    void liveIsTheDefaultStatus() {
        String live = drop(now.minusSeconds(60), now.plusSeconds(3600));
        drop(now.plusSeconds(3600), now.plusSeconds(7200));

        Response page = api.get("/api/drops?creatorId=" + creator.id(), null);

        assertThat(ids(page)).containsExactly(live);
        assertThat(page.body().path("items").get(0).path("status").asString()).isEqualTo("live");
    }

    /** Keyset pages: rows inserted between fetches, before and after the cursor, never shift a page. */
    @Test
    void pagesStayCorrectWhileDropsAreInsertedBetweenFetches() {
        Instant t = now.plus(Duration.ofHours(10));
        List<String> original = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            original.add(drop(t.plusSeconds(i * 60L), t.plusSeconds(90_000)));
        }
        String base = "/api/drops?status=upcoming&creatorId=" + creator.id() + "&limit=2";

        List<String> seen = new ArrayList<>();
        Response page = api.get(base, null);
        seen.addAll(ids(page));
        String earlierThanCursor = drop(t.minusSeconds(60), t.plusSeconds(90_000));
        String sameTimeAsCursor = drop(t.plusSeconds(60), t.plusSeconds(90_000));
        String laterThanCursor = drop(t.plusSeconds(150), t.plusSeconds(90_000));
        while (page.text("nextCursor") != null) {
            page = api.get(base + "&cursor=" + page.text("nextCursor"), null);
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(ids(page));
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(original).doesNotContain(earlierThanCursor);
        // (t+60s, a newer id) sorts after the cursor's (t+60s, older id): it is served, in order
        assertThat(seen).containsSubsequence(original.get(1), sameTimeAsCursor, original.get(2));
        assertThat(seen).containsSubsequence(original.get(2), laterThanCursor, original.get(3));
    }

    @Test
    void followedNarrowsToCreatorsTheCallerFollows() {
        User fan = api.newUser();
        User otherCreator = api.newCreator();
        String otherProduct = api.createProduct(otherCreator, "x").path("id").asString();
        String followedDrop = drop(now.minusSeconds(60), now.plusSeconds(3600));
        String unfollowedDrop =
                rows.insert(otherCreator.id(), otherProduct, now.minusSeconds(30), now.plusSeconds(3600));
        follow(fan.id(), creator.id(), true);
        follow(fan.id(), otherCreator.id(), false); // a tombstone: followed once, then not any more

        Response page = api.get("/api/drops?status=live&followed=true&limit=100", fan.token());

        assertThat(page.status()).isEqualTo(200);
        assertThat(ids(page)).contains(followedDrop).doesNotContain(unfollowedDrop);
        assertThat(ids(api.get(
                        "/api/drops?status=live&followed=true", api.newUser().token())))
                .isEmpty();
        assertThat(ids(api.get("/api/drops?status=live&followed=false&creatorId=" + otherCreator.id(), null)))
                .containsExactly(unfollowedDrop);
    }

    @Test
    void followedNeedsASignedInUser() {
        Response anonymous = api.get("/api/drops?followed=true", null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void badListParametersAreRejected() {
        Response badStatus = api.get("/api/drops?status=soon", null);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(badStatus.errorFields()).containsExactly("status");
        assertThat(api.get("/api/drops?status=LIVE", null).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/drops?limit=0", null).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/drops?limit=101", null).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/drops?followed=maybe", null).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/drops?cursor=abc.def", null).code()).isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/api/drops?creatorId=" + UUID.randomUUID(), null).code())
                .isEqualTo("CREATOR_NOT_FOUND");
    }

    @Test
    void aCursorOnlyWorksForTheStatusItCameFrom() {
        drop(now.plusSeconds(3600), now.plusSeconds(7200));
        drop(now.plusSeconds(3700), now.plusSeconds(7200));
        String cursor = api.get("/api/drops?status=upcoming&creatorId=" + creator.id() + "&limit=1", null)
                .text("nextCursor");

        assertThat(cursor).isNotNull();
        assertThat(api.get("/api/drops?status=ended&cursor=" + cursor, null).code())
                .isEqualTo("INVALID_CURSOR");
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");
        assertThat(api.get("/api/drops?status=upcoming&cursor=" + tampered, null)
                        .code())
                .isEqualTo("INVALID_CURSOR");
    }

    private String drop(Instant startsAt, Instant endsAt) {
        return rows.insert(creator.id(), productId, startsAt, endsAt);
    }

    private void follow(String userId, String creatorId, boolean following) {
        jdbc.sql("""
                insert into follow_edge (user_id, creator_id, following, changed_at, change_event_id)
                values (:user, :creator, :following, now(), :eventId)
                """)
                .param("user", UUID.fromString(userId))
                .param("creator", UUID.fromString(creatorId))
                .param("following", following)
                .param("eventId", Ids.newId())
                .update();
    }

    private List<String> all(String status) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api.get(
                    "/api/drops?status=" + status + "&creatorId=" + creator.id() + "&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor),
                    null);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            ids.addAll(ids(page));
            cursor = page.text("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        page.body().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
