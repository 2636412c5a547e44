package io.livedrop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.support.CatalogApi;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * API.md "request limits": text fields reject control characters with 400 {@code VALIDATION_FAILED}
 * naming the field. Free text (descriptions, bios) may hold tab, newline and carriage return; single-line
 * fields nothing below U+0020. PostgreSQL refuses NUL in text, so none may reach SQL as a 500.
 */
class ControlCharacterTests extends CatalogIntegrationTest {

    @BeforeEach
    void client() {}

    @Test
    void productWithNulInTitleIsRejectedNamingTheField() {
        User creator = api.newCreator();

        Response response = api.post("/api/products", product("Red\u0000Sneakers", "Limited run"), creator.token());

        assertValidationFailed(response, "title");
    }

    @Test
    void singleLineFieldsRejectEveryControlCharacter() {
        User creator = api.newCreator();
        for (String title : List.of("Tab\there", "Two\nlines", "Carriage\rreturn", "Bell\u0007", "\u001fUnit")) {
            Response response = api.post("/api/products", product(title, "ok"), creator.token());
            assertValidationFailed(response, "title");
        }
        Map<String, Object> badCurrency = product("Fine", "ok");
        badCurrency.put("currency", "EU\u0000");
        assertValidationFailed(api.post("/api/products", badCurrency, creator.token()), "currency");
    }

    @Test
    void descriptionsKeepTabsAndLineBreaksButNoOtherControlCharacters() {
        User creator = api.newCreator();
        String multiLine = "Line one\r\nLine two\n\tindented";

        Response created = api.post("/api/products", product("Multi-line", multiLine), creator.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("description")).isEqualTo(multiLine);

        for (String description : List.of("nul\u0000", "escape\u001b[31m", "backspace\b", "form\ffeed")) {
            Response rejected = api.post("/api/products", product("Fine", description), creator.token());
            assertValidationFailed(rejected, "description");
        }
    }

    @Test
    void productPatchWithControlCharactersIsRejectedAndChangesNothing() {
        User creator = api.newCreator();
        JsonNode product = api.createProduct(creator, "Original");
        String path = "/api/products/" + product.path("id").asString();

        assertValidationFailed(api.patch(path, Map.of("title", "New\u0000title"), creator.token()), "title");
        assertValidationFailed(api.patch(path, Map.of("description", "a\u0000b"), creator.token()), "description");
        assertValidationFailed(
                api.patch(path, Map.of("imageUrl", "https://img.example/\u0000.png"), creator.token()), "imageUrl");
        assertThat(api.get(path, null).text("title")).isEqualTo("Original");

        Response multiLine = api.patch(path, Map.of("description", "First\nSecond"), creator.token());
        assertThat(multiLine.status()).as(multiLine.toString()).isEqualTo(200);
        assertThat(multiLine.text("description")).isEqualTo("First\nSecond");
    }

    @Test
    void everyOffendingFieldIsNamed() {
        User creator = api.newCreator();

        Response response = api.post("/api/products", product("T\u0000", "D\u0000"), creator.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("title", "description");
    }

    @Test
    void creatorBioIsFreeTextButHandleAndNameAreSingleLine() {
        User user = api.newUser();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("handle", CatalogApi.uniqueHandle());
        body.put("displayName", "Two\nlines");
        body.put("bio", "About me\n\twith a tab");
        assertValidationFailed(api.post("/api/creators", body, user.token()), "displayName");

        body.put("displayName", "Name");
        Response created = api.post("/api/creators", body, user.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("bio")).isEqualTo("About me\n\twith a tab");

        assertValidationFailed(api.patch("/api/creators/me", Map.of("bio", "nul\u0000"), user.token()), "bio");
    }

    @Test
    void nulInPathIsAClientErrorNotAServerError() {
        // Tomcat itself refuses an encoded NUL in the path (400) before any service code runs
        for (String path : List.of("/api/products/%00", "/api/products/a%00b", "/api/creators/%00", "/api/drops/%00")) {
            Response response = api.get(path, null);
            assertThat(response.status()).as(path + " → " + response).isIn(400, 404);
        }
        for (String path : List.of("/api/products/%01", "/api/creators/a%0Ab", "/api/drops/%1F")) {
            Response response = api.get(path, null);
            assertThat(response.status()).as(path + " → " + response).isEqualTo(400);
            assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(response.errorFields()).containsExactly("path");
        }
    }

    @Test
    void controlCharactersInQueryParametersAreRejectedNamingTheParameter() {
        Response response = api.get("/api/products?limit=5&creatorId=%00&q=ok%0D%0A", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.errorFields()).containsExactly("creatorId", "q");
        assertThat(response.raw()).doesNotContain("\\u0000");
    }

    @Test
    void nulInQueryParametersIsAClientErrorNotAServerError() {
        for (String path : List.of(
                "/api/products?q=%00",
                "/api/products?q=sneak%00ers",
                "/api/products?creatorId=%00",
                "/api/products?cursor=%00",
                "/api/drops?creatorId=%00",
                "/api/drops?status=%00",
                "/api/drops?cursor=%00",
                "/api/drops?limit=%00",
                "/api/products?q%00=x")) {
            Response response = api.get(path, null);
            assertThat(response.status()).as(path + " → " + response).isIn(200, 400, 404);
            if (response.status() != 200) {
                assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
                assertThat(response.raw()).as(path).doesNotContain("\\u0000");
            }
        }
    }

    private static Map<String, Object> product(String title, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", description);
        body.put("priceCents", 100);
        body.put("currency", "EUR");
        return body;
    }

    private static void assertValidationFailed(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.errorFields()).as(response.toString()).contains(field);
        assertThat(response.raw()).doesNotContain("\\u0000");
    }
}
