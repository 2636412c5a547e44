package io.livedrop.catalog.drop;

import static io.livedrop.catalog.support.Batches.assertValidationFailed;
import static io.livedrop.catalog.support.Batches.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.support.Batches;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.DropRows;
import io.livedrop.catalog.support.Response;
import io.livedrop.common.ids.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/drops?ids= (P): many drops in one call, each exactly as GET /api/drops/{id} shows it. */
class DropBatchTests extends CatalogIntegrationTest {

    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

    DropRows rows;
    User creator;
    String productId;
    Instant now;

    @BeforeEach
    void setUp() {
        rows = new DropRows(jdbc);
        creator = api.newCreator();
        productId = api.createProduct(creator, "Batch me").path("id").asString();
        now = Instant.now();
    }

    @Test
    void answersTheKnownDropsInTheAskedOrderAsTheSingleReadShowsThem() {
        String live = rows.insert(creator.id(), productId, now.minusSeconds(60), now.plusSeconds(3600));
        String upcoming = rows.insert(creator.id(), productId, now.plusSeconds(3600), now.plusSeconds(7200));
        String ended = rows.insert(creator.id(), productId, now.minusSeconds(7200), now.minusSeconds(60));
        String soldOut = rows.insert(creator.id(), productId, now.minusSeconds(60), now.plusSeconds(3600));
        jdbc.sql("update drops set available = 0 where id = cast(:id as uuid)")
                .param("id", soldOut)
                .update();

        Response batch = api.get("/api/drops?" + ids(upcoming, Ids.newId().toString(), soldOut, ended, live), null);

        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(batch.body().propertyNames()).containsExactlyInAnyOrder("items", "nextCursor");
        assertThat(batch.body().path("nextCursor").isNull()).isTrue();
        List<JsonNode> items = items(batch);
        assertThat(items)
                .extracting(item -> item.path("id").asString())
                .containsExactly(upcoming, soldOut, ended, live);
        assertThat(items)
                .extracting(item -> item.path("status").asString())
                .containsExactly("upcoming", "live", "ended", "live");
        assertThat(items.get(1).path("soldOut").asBoolean()).isTrue();
        assertThat(items.get(1).path("available").asInt()).isZero();
        assertThat(items.getFirst().path("product").path("title").asString()).isEqualTo("Batch me");
        assertThat(items.getFirst().path("creator").path("id").asString()).isEqualTo(creator.id());
        for (JsonNode item : items) {
            assertThat(item)
                    .isEqualTo(api.get("/api/drops/" + item.path("id").asString(), null)
                            .body());
        }
    }

    @Test
    void isPublicButNotCachedPastTheFirstStatusChangeOfItsDrops() {
        String startsSoon = rows.insert(creator.id(), productId, now.plusSeconds(2), now.plusSeconds(3600));
        String live = rows.insert(creator.id(), productId, now.minusSeconds(60), now.plusSeconds(3600));

        Response batch = api.get("/api/drops?" + ids(live, startsSoon), null);

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.header("Cache-Control")).contains("public");
        assertThat(maxAge(batch)).isLessThanOrEqualTo(2);
        assertThat(batch.header("ETag")).isNotBlank();
    }

    @Test
    void emptyTooManyOrMalformedIdsAreRejected() {
        String live = rows.insert(creator.id(), productId, now.minusSeconds(60), now.plusSeconds(3600));

        assertValidationFailed(api.get("/api/drops?ids=", null), "ids");
        assertValidationFailed(api.get("/api/drops?" + Batches.tooManyIds(), null), "ids");
        assertValidationFailed(api.get("/api/drops?" + ids(live, live + "x"), null), "ids");
    }

    @Test
    void idsCannotBeCombinedWithTheListParameters() {
        String query = ids(rows.insert(creator.id(), productId, now.minusSeconds(60), now.plusSeconds(3600)));
        User follower = api.newUser();

        assertValidationFailed(api.get("/api/drops?status=live&" + query, null), "status");
        assertValidationFailed(api.get("/api/drops?" + query + "&creatorId=" + creator.id(), null), "creatorId");
        assertValidationFailed(api.get("/api/drops?" + query + "&followed=true", follower.token()), "followed");
        assertValidationFailed(api.get("/api/drops?" + query + "&limit=5", null), "limit");
        assertValidationFailed(api.get("/api/drops?" + query + "&cursor=abc", null), "cursor");
    }

    private static List<JsonNode> items(Response response) {
        List<JsonNode> items = new ArrayList<>();
        response.body().path("items").forEach(items::add);
        return items;
    }

    private static long maxAge(Response response) {
        Matcher matcher = MAX_AGE.matcher(String.valueOf(response.header("Cache-Control")));
        assertThat(matcher.find())
                .as("max-age in " + response.header("Cache-Control"))
                .isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
