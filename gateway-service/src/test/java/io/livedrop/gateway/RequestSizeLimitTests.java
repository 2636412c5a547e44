package io.livedrop.gateway;

import static io.livedrop.gateway.StubUpstreams.BREAKER_MIN_CALLS;
import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * API.md "request limits": a body over 1 MiB ({@code MAX_REQUEST_BODY}) → 413 {@code PAYLOAD_TOO_LARGE}
 * problem+json, answered at the gateway without reading the whole body: at once for a {@code
 * Content-Length} over the limit (nothing is forwarded), and as soon as a chunked body passes it.
 */
class RequestSizeLimitTests extends GatewayIntegrationTest {

    static final int MIB = 1024 * 1024;

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedAtOnceAndNotForwarded() {
        int hits = StubUpstreams.CATALOG.hits();

        RawHttp.Answer answer =
                RawHttp.declaredLength(port, "POST", "/api/products", headers(), 5L * MIB, "{\"title\":\"");

        assertTooLarge(answer);
        assertThat(answer.header("X-Request-Id")).isNotBlank();
        assertThat(StubUpstreams.CATALOG.hits()).isEqualTo(hits);
    }

    @Test
    void aChunkedBodyIsCutOnceItPassesTheLimit() {
        RawHttp.Answer answer =
                RawHttp.chunkedWithoutEnd(port, "POST", "/api/products", headers(), "{\"title\":\"", MIB + 128 * 1024);

        assertTooLarge(answer);
    }

    @Test
    void bodiesUpToTheLimitReachTheServiceWhole() throws Exception {
        byte[] body = new byte[MIB];
        Arrays.fill(body, (byte) 'a');

        var declared = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/products"))
                                .header("Authorization", "Bearer " + userToken())
                                .header("X-Forwarded-For", GatewayApi.randomClientIp())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(declared.body())
                        .path("bodyBytes")
                        .asLong())
                .isEqualTo(MIB);

        RawHttp.Answer chunked = RawHttp.chunked(port, "POST", "/api/products", headers(), body);
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(200);
        assertThat(chunked.body()).contains("\"bodyBytes\":" + MIB);
    }

    @Test
    void cutBodiesDoNotOpenTheRoutesCircuitBreaker() {
        for (int i = 0; i < BREAKER_MIN_CALLS + 2; i++) {
            assertTooLarge(RawHttp.chunkedWithoutEnd(
                    port, "POST", "/api/follows", headers(), "{\"creatorId\":\"", MIB + 128 * 1024));
        }

        RawHttp.Answer next = RawHttp.chunked(
                port, "POST", "/api/follows", headers(), "{\"creatorId\":\"c1\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.body()).contains("\"service\":\"follower-service\"");
    }

    private Map<String, String> headers() {
        return Map.of(
                "Authorization",
                "Bearer " + userToken(),
                "Content-Type",
                "application/json",
                "X-Forwarded-For",
                GatewayApi.randomClientIp());
    }

    private String userToken() {
        return tokens.userToken(UUID.randomUUID().toString());
    }

    static void assertTooLarge(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"").contains("\"status\":413");
    }
}
