package io.livedrop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API.md: POST/GET/PATCH /api/products, GET /api/products?creatorId=&q=&limit=&cursor=. */
class ProductApiTests extends CatalogIntegrationTest {

    @BeforeEach
    void client() {}

    @Test
    void creatorCreatesAProduct() {
        User creator = api.newCreator();

        Response created = api.post(
                "/api/products",
                Map.of(
                        "title",
                        " Red Sneakers ",
                        "description",
                        "Limited run",
                        "priceCents",
                        12900,
                        "currency",
                        "EUR",
                        "imageUrl",
                        "https://img.example/red.png"),
                creator.token());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode product = created.body();
        assertThat(product.propertyNames())
                .containsExactlyInAnyOrder(
                        "id", "creatorId", "title", "description", "priceCents", "currency", "imageUrl", "createdAt");
        assertThat(product.path("creatorId").asString()).isEqualTo(creator.id());
        assertThat(product.path("title").asString()).isEqualTo("Red Sneakers");
        assertThat(product.path("priceCents").asLong()).isEqualTo(12900);
        assertThat(created.header("Location"))
                .isEqualTo("/api/products/" + product.path("id").asString());

        Response read = api.get("/api/products/" + product.path("id").asString(), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(product);
    }

    @Test
    void onlyCreatorsCreateProducts() {
        var body = Map.of("title", "t", "description", "d", "priceCents", 1, "currency", "USD");

        Response notCreator = api.post("/api/products", body, api.newUser().token());
        assertThat(notCreator.status()).isEqualTo(403);
        assertThat(notCreator.code()).isEqualTo("NOT_A_CREATOR");
        assertThat(api.post("/api/products", body, null).status()).isEqualTo(401);
    }

    @Test
    void invalidProductsAreRejectedWithTheFieldsNamed() {
        User creator = api.newCreator();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "");
        body.put("description", "d".repeat(5001));
        body.put("priceCents", -1);
        body.put("currency", "usd");
        body.put("imageUrl", "javascript:alert(1)");

        Response response = api.post("/api/products", body, creator.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.errorFields())
                .containsExactlyInAnyOrder("title", "description", "priceCents", "currency", "imageUrl");

        for (String currency : List.of("ABC", "EU", "EURO")) {
            Response bad = api.post(
                    "/api/products",
                    Map.of("title", "t", "description", "", "priceCents", 0, "currency", currency),
                    creator.token());
            assertThat(bad.status()).as(currency).isEqualTo(400);
            assertThat(bad.errorFields()).containsExactly("currency");
        }
        Response fractional = api.post(
                "/api/products",
                "{\"title\":\"t\",\"description\":\"\",\"priceCents\":12.5,\"currency\":\"EUR\"}",
                creator.token());
        assertThat(fractional.status()).isEqualTo(400);
        Response missing = api.post("/api/products", "{}", creator.token());
        assertThat(missing.errorFields()).contains("title", "description", "priceCents", "currency");
    }

    @Test
    void unknownOrMalformedProductIsNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), "42")) {
            Response response = api.get("/api/products/" + id, null);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("PRODUCT_NOT_FOUND");
        }
    }

    @Test
    void ownerUpdatesOnlyTheFieldsSent() {
        User creator = api.newCreator();
        JsonNode product = api.createProduct(creator, "Original");
        String path = "/api/products/" + product.path("id").asString();

        Response updated =
                api.patch(path, Map.of("priceCents", 999, "imageUrl", "https://img.example/x.png"), creator.token());

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("title")).isEqualTo("Original");
        assertThat(updated.body().path("priceCents").asLong()).isEqualTo(999);
        assertThat(api.get(path, null).body().path("priceCents").asLong()).isEqualTo(999);

        Response cleared = api.patch(path, Map.of("imageUrl", ""), creator.token());
        assertThat(cleared.body().path("imageUrl").isNull()).isTrue();

        Response invalid = api.patch(path, Map.of("title", " ", "currency", "xx"), creator.token());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).contains("title", "currency");
    }

    /** Products are public, so another user learns nothing from a 403: it says why, a 404 would not. */
    @Test
    void othersCannotUpdateAProduct() {
        JsonNode product = api.createProduct(api.newCreator(), "Mine");
        String path = "/api/products/" + product.path("id").asString();

        Response otherCreator =
                api.patch(path, Map.of("title", "Stolen"), api.newCreator().token());
        Response plainUser =
                api.patch(path, Map.of("title", "Stolen"), api.newUser().token());

        assertThat(otherCreator.status()).isEqualTo(403);
        assertThat(otherCreator.code()).isEqualTo("FORBIDDEN");
        assertThat(plainUser.status()).isEqualTo(403);
        assertThat(api.patch(path, Map.of("title", "Stolen"), null).status()).isEqualTo(401);
        assertThat(api.get(path, null).text("title")).isEqualTo("Mine");
        Response unknown = api.patch(
                "/api/products/" + UUID.randomUUID(),
                Map.of("title", "x"),
                api.newCreator().token());
        assertThat(unknown.code()).isEqualTo("PRODUCT_NOT_FOUND");
    }

    @Test
    void listsACreatorsProductsNewestFirstInPages() {
        User creator = api.newCreator();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(api.createProduct(creator, "Item " + i).path("id").asString());
        }

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = api.get(
                    "/api/products?creatorId=" + creator.id() + "&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor),
                    null);
            assertThat(page.status()).isEqualTo(200);
            page.body().path("items").forEach(item -> listed.add(item.path("id").asString()));
            cursor = page.text("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(listed).containsExactlyElementsOf(created.reversed());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void pagesStayCorrectWhileProductsAreAdded() {
        User creator = api.newCreator();
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            before.add(api.createProduct(creator, "Before " + i).path("id").asString());
        }
        String base = "/api/products?creatorId=" + creator.id() + "&limit=2";
        Response first = api.get(base, null);

        String added =
                api.createProduct(creator, "Added between pages").path("id").asString();
        Response second = api.get(base + "&cursor=" + first.text("nextCursor"), null);

        List<String> seen = new ArrayList<>();
        first.body().path("items").forEach(item -> seen.add(item.path("id").asString()));
        second.body().path("items").forEach(item -> seen.add(item.path("id").asString()));
        assertThat(seen).containsExactlyElementsOf(before.reversed()).doesNotContain(added);
        assertThat(second.text("nextCursor")).isNull();
        assertThat(api.get(base, null).body().path("items").get(0).path("id").asString())
                .isEqualTo(added);
    }

    @Test
    void searchMatchesWordPrefixesInTitleAndDescription() {
        User creator = api.newCreator();
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String titled = api.createProduct(creator, "Vintage " + word + "ophone", "Plays records", 100, "EUR")
                .path("id")
                .asString();
        String described = api.createProduct(creator, "Speaker", "Pairs with any " + word + "ophone", 100, "EUR")
                .path("id")
                .asString();
        api.createProduct(creator, "Unrelated", "Nothing to see", 100, "EUR");

        Response both = api.get("/api/products?q=" + word, null);
        Response narrowed = api.get("/api/products?q=" + word.toUpperCase() + "%20vint", null);
        Response punctuationOnly = api.get("/api/products?q=%21%21%26%7C", null);

        assertThat(both.status()).isEqualTo(200);
        assertThat(ids(both)).containsExactly(described, titled);
        assertThat(ids(narrowed)).containsExactly(titled);
        assertThat(ids(punctuationOnly)).isEmpty();
        assertThat(ids(api.get("/api/products?creatorId=" + creator.id() + "&q=speaker", null)))
                .containsExactly(described);
    }

    @Test
    void badListParametersAreRejected() {
        assertThat(api.get("/api/products?limit=0", null).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/products?limit=101", null).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/products?limit=abc", null).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/products?q=" + "a".repeat(201), null).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/products?cursor=forged.cursor", null).code()).isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/api/products?creatorId=" + UUID.randomUUID(), null).code())
                .isEqualTo("CREATOR_NOT_FOUND");
        assertThat(api.get("/api/products?creatorId=nope", null).status()).isEqualTo(404);
    }

    @Test
    void aCursorOfAnotherListIsInvalid() {
        User creator = api.newCreator();
        api.newDrop(
                creator,
                java.time.Instant.now().plusSeconds(3600),
                java.time.Instant.now().plusSeconds(7200),
                5);
        api.newDrop(
                creator,
                java.time.Instant.now().plusSeconds(3600),
                java.time.Instant.now().plusSeconds(7200),
                5);
        String dropCursor = api.get("/api/drops?status=upcoming&creatorId=" + creator.id() + "&limit=1", null)
                .text("nextCursor");

        assertThat(api.get("/api/products?cursor=" + dropCursor, null).code()).isEqualTo("INVALID_CURSOR");
    }

    private static List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        page.body().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
