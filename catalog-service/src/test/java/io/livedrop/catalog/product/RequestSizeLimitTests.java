package io.livedrop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.support.Response;
import io.livedrop.common.test.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API.md "request limits": a body over 1 MiB ({@code MAX_REQUEST_BODY}) → 413 {@code PAYLOAD_TOO_LARGE}
 * problem+json, without the service reading the whole body (compose has no ingress in front of it).
 */
class RequestSizeLimitTests extends CatalogIntegrationTest {

    static final int MIB = 1024 * 1024;

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() {
        String token = api.newCreator().token();

        RawHttp.Answer answer =
                RawHttp.declaredLength(port, "POST", "/api/products", headers(token), 5L * MIB, "{\"title\":\"");

        assertTooLarge(answer);
    }

    @Test
    void aChunkedBodyIsCutOnceItPassesTheLimit() {
        String token = api.newCreator().token();

        RawHttp.Answer answer = RawHttp.chunkedWithoutEnd(
                port, "POST", "/api/products", headers(token), "{\"title\":\"", MIB + 64 * 1024);

        assertTooLarge(answer);
    }

    @Test
    void aBodyJustUnderTheLimitIsReadAndValidated() {
        String token = api.newCreator().token();
        String body = "{\"title\":\"" + "a".repeat(MIB - 100)
                + "\",\"description\":\"\",\"priceCents\":1,\"currency\":\"EUR\"}";

        Response response = api.post("/api/products", body, token);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.errorFields()).containsExactly("title");
    }

    private static Map<String, String> headers(String token) {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    static void assertTooLarge(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"").contains("\"status\":413");
    }
}
