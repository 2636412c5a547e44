package io.livedrop.catalog.product;

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

/** GET /api/products?ids= (P): many products in one call, in the list's {items, nextCursor} shape. */
class ProductBatchTests extends CatalogIntegrationTest {

    User creator;

    @BeforeEach
    void setUp() {
        creator = api.newCreator();
    }

    @Test
    void answersTheKnownProductsInTheAskedOrderAsTheSingleReadShowsThem() {
        String first = product("First");
        String second =
                api.createProduct(api.newCreator(), "Someone else's").path("id").asString();
        String third = product("Third");

        Response batch =
                api.get("/api/products?" + ids(second, third, Ids.newId().toString(), first), null);

        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(batch.body().propertyNames()).containsExactlyInAnyOrder("items", "nextCursor");
        assertThat(batch.body().path("nextCursor").isNull()).isTrue();
        List<JsonNode> items = items(batch);
        assertThat(items).extracting(item -> item.path("id").asString()).containsExactly(second, third, first);
        for (JsonNode item : items) {
            assertThat(item)
                    .isEqualTo(api.get("/api/products/" + item.path("id").asString(), null)
                            .body());
        }
    }

    @Test
    void isPublicAndCacheableForAFewSecondsWithAnEtag() {
        String path = "/api/products?" + ids(product("Cached"));

        Response batch = api.get(path, null);

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.header("Cache-Control")).contains("public").containsPattern("max-age=[0-5]\\b");
        assertThat(batch.header("ETag")).isNotBlank();
        assertThat(api.getIfNoneMatch(path, batch.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void theListStillAnswersWithoutIds() {
        String product = product("Listed");

        Response list = api.get("/api/products?creatorId=" + creator.id(), null);

        assertThat(list.status()).isEqualTo(200);
        assertThat(items(list)).extracting(item -> item.path("id").asString()).containsExactly(product);
    }

    @Test
    void emptyTooManyOrMalformedIdsAreRejected() {
        String product = product("Valid");

        assertValidationFailed(api.get("/api/products?ids=", null), "ids");
        assertValidationFailed(api.get("/api/products?" + Batches.tooManyIds(), null), "ids");
        assertValidationFailed(api.get("/api/products?" + ids(product, "12345"), null), "ids");
    }

    @Test
    void idsCannotBeCombinedWithTheListParameters() {
        String query = ids(product("Alone"));

        assertValidationFailed(api.get("/api/products?" + query + "&creatorId=" + creator.id(), null), "creatorId");
        assertValidationFailed(api.get("/api/products?" + query + "&q=shoe", null), "q");
        assertValidationFailed(api.get("/api/products?" + query + "&limit=5", null), "limit");
        assertValidationFailed(api.get("/api/products?cursor=abc&" + query, null), "cursor");
    }

    private String product(String title) {
        return api.createProduct(creator, title).path("id").asString();
    }

    private static List<JsonNode> items(Response response) {
        List<JsonNode> items = new ArrayList<>();
        response.body().path("items").forEach(items::add);
        return items;
    }
}
