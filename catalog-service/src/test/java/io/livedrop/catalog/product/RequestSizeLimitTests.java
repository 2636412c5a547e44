package io.livedrop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.support.CatalogClient;
import io.livedrop.catalog.support.Response;
import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.RawHttp;
import io.livedrop.common.test.TestJwtIssuer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * API.md "request limits": a body over 1 MiB ({@code MAX_REQUEST_BODY}) → 413 {@code PAYLOAD_TOO_LARGE}
 * problem+json, without the service reading the whole body (compose has no ingress in front of it).
 */
@IntegrationTest
class RequestSizeLimitTests {

    static final int MIB = 1024 * 1024;

    @Value("${local.server.port}")
    int port;

    @Autowired
    TestJwtIssuer tokens;

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() {
        String token = new CatalogClient(port, tokens).newCreator().token();

        RawHttp.Answer answer =
                RawHttp.declaredLength(port, "POST", "/api/products", headers(token), 5L * MIB, "{\"title\":\"");

        assertTooLarge(answer);
    }

    @Test
    void aChunkedBodyIsCutOnceItPassesTheLimit() {
        String token = new CatalogClient(port, tokens).newCreator().token();

        RawHttp.Answer answer = RawHttp.chunkedWithoutEnd(
                port, "POST", "/api/products", headers(token), "{\"title\":\"", MIB + 64 * 1024);

        assertTooLarge(answer);
    }

    @Test
    void aBodyJustUnderTheLimitIsReadAndValidated() {
        CatalogClient api = new CatalogClient(port, tokens);
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
