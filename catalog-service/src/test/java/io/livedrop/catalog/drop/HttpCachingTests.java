package io.livedrop.catalog.drop;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.DropRows;
import io.livedrop.catalog.support.Response;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API.md "HTTP caching": public reads are public with max-age ≤ 5 s and an ETag; the rest is private. */
class HttpCachingTests extends CatalogIntegrationTest {

    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

    User creator;
    String productId;

    @BeforeEach
    void setUp() {
        creator = api.newCreator();
        productId = api.createProduct(creator, "Cache me").path("id").asString();
    }

    @Test
    void aDropIsPublicForAtMostFiveSecondsWithAnEtagThatRevalidatesTo304() {
        String dropId = liveDrop();

        Response first = api.get("/api/drops/" + dropId, null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).contains("public");
        assertThat(maxAge(first)).isBetween(0L, 5L);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");

        Response revalidated = api.getIfNoneMatch("/api/drops/" + dropId, etag);
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.raw()).isEmpty();
        assertThat(revalidated.header("ETag")).isEqualTo(etag);

        assertThat(api.getIfNoneMatch("/api/drops/" + dropId, "\"stale\"").status())
                .isEqualTo(200);
    }

    @Test
    void aDropAboutToStartIsNotCachedPastItsStart() {
        String dropId = new DropRows(jdbc)
                .insert(
                        creator.id(),
                        productId,
                        Instant.now().plusSeconds(2),
                        Instant.now().plusSeconds(3600));

        Response upcoming = api.get("/api/drops/" + dropId, null);

        assertThat(upcoming.text("status")).isEqualTo("upcoming");
        assertThat(maxAge(upcoming)).isLessThanOrEqualTo(2);
    }

    @Test
    void productsCreatorsAndPublicListsArePublicWithEtags() {
        liveDrop();
        for (String path :
                new String[] {"/api/products/" + productId, "/api/creators/" + creator.id(), "/api/drops?status=live"
                }) {
            Response response = api.get(path, null);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.header("Cache-Control")).as(path).contains("public");
            assertThat(maxAge(response)).as(path).isBetween(0L, 5L);
            assertThat(response.header("ETag")).as(path).isNotBlank();
            assertThat(api.getIfNoneMatch(path, response.header("ETag")).status())
                    .as(path)
                    .isEqualTo(304);
        }
    }

    @Test
    void personalAnswersArePrivateAndNeverStored() {
        User follower = api.newUser();

        Response followed = api.get("/api/drops?status=live&followed=true", follower.token());
        Response created = api.post(
                "/api/products",
                java.util.Map.of("title", "Mine", "description", "d", "priceCents", 100, "currency", "EUR"),
                creator.token());

        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.header("Cache-Control")).contains("private").contains("no-store");
        assertThat(followed.header("ETag")).isNull();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("private").contains("no-store");
    }

    private String liveDrop() {
        return new DropRows(jdbc)
                .insert(
                        creator.id(),
                        productId,
                        Instant.now().minusSeconds(60),
                        Instant.now().plusSeconds(3600));
    }

    private static long maxAge(Response response) {
        Matcher matcher = MAX_AGE.matcher(String.valueOf(response.header("Cache-Control")));
        assertThat(matcher.find())
                .as("max-age in " + response.header("Cache-Control"))
                .isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
