package io.livedrop.catalog.creator;

import static io.livedrop.catalog.support.Batches.assertValidationFailed;
import static io.livedrop.catalog.support.Batches.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.support.Batches;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.Response;
import io.livedrop.common.ids.Ids;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/creators?ids= (P): many profiles in one call, for the gateway's GraphQL layer. */
class CreatorBatchTests extends CatalogIntegrationTest {

    @BeforeEach
    void client() {}

    @Test
    void answersTheKnownCreatorsInTheAskedOrderAsTheSingleReadShowsThem() {
        User first = api.newCreator();
        User second = api.newCreator();
        User third = api.newCreator();
        jdbc.sql("insert into creator_follower_count (creator_id, follower_count) values (cast(:id as uuid), 7)")
                .param("id", second.id())
                .update();
        String unknown = Ids.newId().toString();

        Response batch = api.get("/api/creators?" + ids(third.id(), unknown, first.id(), second.id()), null);

        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(batch.body().propertyNames()).containsExactly("items");
        List<JsonNode> items = items(batch);
        assertThat(items)
                .extracting(item -> item.path("id").asString())
                .containsExactly(third.id(), first.id(), second.id());
        assertThat(items.get(2).path("followerCount").asLong()).isEqualTo(7);
        for (JsonNode item : items) {
            Response single = api.get("/api/creators/" + item.path("id").asString(), null);
            assertThat(item).isEqualTo(single.body());
        }
    }

    @Test
    void isPublicAndCacheableForAFewSecondsWithAnEtag() {
        User creator = api.newCreator();
        String path = "/api/creators?" + ids(creator.id());

        Response batch = api.get(path, null);

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.header("Cache-Control")).contains("public").containsPattern("max-age=[0-5]\\b");
        assertThat(batch.header("ETag")).isNotBlank();
        assertThat(api.getIfNoneMatch(path, batch.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void repeatedIdsParametersAndDuplicatesAreAccepted() {
        User first = api.newCreator();
        User second = api.newCreator();

        Response batch = api.get("/api/creators?ids=" + second.id() + "&ids=" + first.id() + "," + second.id(), null);

        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(items(batch))
                .extracting(item -> item.path("id").asString())
                .containsExactly(second.id(), first.id());
    }

    @Test
    void onlyUnknownIdsGiveAnEmptyList() {
        Response batch = api.get("/api/creators?" + ids(Ids.newId().toString()), null);

        assertThat(batch.status()).isEqualTo(200);
        assertThat(items(batch)).isEmpty();
    }

    @Test
    void missingEmptyTooManyOrMalformedIdsAreRejected() {
        User creator = api.newCreator();

        assertValidationFailed(api.get("/api/creators", null), "ids");
        assertValidationFailed(api.get("/api/creators?ids=", null), "ids");
        assertValidationFailed(api.get("/api/creators?" + Batches.tooManyIds(), null), "ids");
        assertValidationFailed(api.get("/api/creators?" + ids(creator.id(), "not-an-id"), null), "ids");
        assertValidationFailed(api.get("/api/creators?" + ids(creator.id(), ""), null), "ids");
    }

    @Test
    void aHandleFindsItsCreatorWhateverItsCase() {
        User creator = api.newCreator();
        String handle = api.get("/api/creators/" + creator.id(), null)
                .body()
                .path("handle")
                .asString();

        Response found = api.get("/api/creators?handle=" + handle.toUpperCase(java.util.Locale.ROOT), null);
        Response unknown = api.get("/api/creators?handle=nobody_has_this_handle", null);

        assertThat(items(found))
                .singleElement()
                .satisfies(item -> assertThat(item.path("id").asString()).isEqualTo(creator.id()));
        assertThat(items(unknown)).isEmpty();
        assertValidationFailed(api.get("/api/creators?handle=" + handle + "&ids=" + creator.id(), null), "handle");
    }

    private static List<JsonNode> items(Response response) {
        List<JsonNode> items = new ArrayList<>();
        response.body().path("items").forEach(items::add);
        return items;
    }
}
