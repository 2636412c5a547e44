package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web client at / (WEB_DIST_DIR): the app's routes get index.html; the API never does. */
class StorefrontTests extends GatewayIntegrationTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @ParameterizedTest
    @ValueSource(
            strings = {"/", "/drops/0193a6f0-0000-7000-8000-000000000001", "/orders", "/console/drops/x", "/login"})
    void theAppsRoutesAnswerIndexHtmlRevalidatedOnEveryVisit(String path) {
        var reply = gateway.get(path).header("Accept", HTML).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.response().body()).contains("<div id=\"root\">");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void hashedAssetsAreCachedForAYear() {
        var reply = gateway.get("/assets/index-abc123.js").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
    }

    @Test
    void otherFilesOfTheBuildAreServed() {
        assertThat(gateway.get("/favicon.svg").send().status()).isEqualTo(200);
    }

    @Test
    void theApiIsNeverAnsweredWithTheApp() {
        var api = gateway.get("/api/drops").header("Accept", HTML).send();
        var internal = gateway.get("/internal/inventory/drops/x")
                .header("Accept", HTML)
                .send();
        var missingFile = gateway.get("/nothing-here.js").send();

        assertThat(api.service()).isEqualTo("catalog-service");
        assertThat(internal.status()).isEqualTo(404);
        assertThat(internal.response().body()).doesNotContain("<div id=\"root\">");
        assertThat(missingFile.status()).isEqualTo(404);
    }
}
