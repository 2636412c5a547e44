package io.livedrop.e2e.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.e2e.support.Api;
import io.livedrop.e2e.support.ApiResponse;
import io.livedrop.e2e.support.Fleet;
import io.livedrop.e2e.support.Users;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The gateway in front of the real fleet: token checks, rate limits, unrouted internal APIs, and a
 * stopped service. The rate-limit test uses the per-user order bucket of its own user, so it does not
 * touch the anonymous per-IP buckets that every e2e test (all from 127.0.0.1) shares.
 */
class GatewayTests {

    private final Fleet fleet = Fleet.shared();
    private final Api gateway = Api.gateway();

    @Test
    void tamperedTokenIsRejected() {
        String token = registerUser();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherSubject =
                payload.replaceFirst("\"sub\"\\s*:\\s*\"[^\"]*\"", "\"sub\":\"" + UUID.randomUUID() + "\"");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(otherSubject.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(gateway.get("/api/users/me", token).status()).isEqualTo(200);
        assertUnauthenticated(gateway.get("/api/users/me", tampered));
    }

    @Test
    void expiredOrForeignTokensAreRejected() {
        // an expired token with a signature that no key of auth-service made
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"e2e-unknown\"}");
        String claims = base64Url("{\"sub\":\"" + UUID.randomUUID()
                + "\",\"iss\":\"livedrop-auth\",\"aud\":\"livedrop-api\",\"scope\":\"user\",\"exp\":1000000000}");
        String forged = header + "." + claims + "." + base64Url("not-a-signature");

        assertUnauthenticated(gateway.get("/api/users/me", forged));
        assertUnauthenticated(gateway.get("/api/orders", "garbage"));
        // a bad token is refused even on a public endpoint
        assertUnauthenticated(gateway.get("/api/drops", forged));
    }

    @Test
    void missingTokenIsRejectedByTheGatewayWithAChallenge() {
        ApiResponse response = gateway.get("/api/notifications", null);

        assertUnauthenticated(response);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void orderRateLimitTripsWithHeadersAndRecovers() throws Exception {
        String token = registerUser();

        ApiResponse refused = firstRefusal(token);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Replenish-Rate")).isNotBlank();
        assertThat(refused.header("X-RateLimit-Burst-Capacity")).isNotBlank();
        assertThat(refused.header("X-Request-Id")).isNotBlank();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isPositive();

        Thread.sleep(retryAfter * 1000 + 200);

        ApiResponse recovered = placeOrder(token);
        assertThat(recovered.status()).as(recovered.toString()).isNotEqualTo(429);
        assertThat(recovered.header("X-RateLimit-Remaining")).isNotBlank();
    }

    @Test
    void internalApisAnswerNotFound() {
        for (String path : List.of(
                "/internal/inventory/drops/x", "/internal/orders/x", "/internal/payments/refunds", "/internal")) {
            ApiResponse response = gateway.get(path, null);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.code()).isEqualTo("NOT_FOUND");
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void stoppedServiceAnswersServiceUnavailable() {
        String token = registerUser();
        fleet.stop("payment-service");
        try {
            ApiResponse response = gateway.get("/api/payments/" + UUID.randomUUID(), token);

            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.header("X-Request-Id")).isNotBlank();
        } finally {
            fleet.start("payment-service");
        }
    }

    @Test
    void swaggerUiCoversEveryService() {
        ApiResponse config = gateway.get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);

        ApiResponse authDocs = gateway.get("/v3/api-docs/auth-service", null);
        assertThat(authDocs.status()).isEqualTo(200);
        assertThat(authDocs.text("openapi")).isNotBlank();
    }

    @Test
    void publishedApiDocsListNoInternalEndpoints() {
        for (String service : List.of(
                "auth-service",
                "catalog-service",
                "follower-service",
                "order-service",
                "payment-service",
                "notification-service")) {
            ApiResponse docs = gateway.get("/v3/api-docs/" + service, null);
            assertThat(docs.status()).as(service).isEqualTo(200);
            assertThat(docs.body().path("paths").propertyNames())
                    .as(service)
                    .noneMatch(path -> path.startsWith("/internal"));
        }
    }

    @Test
    void publicPortAnswersHealthStatusOnlyAndNoMetrics() {
        ApiResponse health = gateway.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().propertyNames()).containsExactly("status");
        assertThat(gateway.get("/actuator/prometheus", null).status()).isEqualTo(404);
        assertThat(gateway.get("/actuator/metrics", null).status()).isEqualTo(404);

        ApiResponse details = new Api(fleet.managementUrl("gateway-service")).get("/actuator/health", null);
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body().has("components")).isTrue();
    }

    /** Many orders at once from one user until the gateway refuses one. */
    private ApiResponse firstRefusal(String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 10; round++) {
                List<Future<ApiResponse>> batch = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    batch.add(pool.submit(() -> placeOrder(token)));
                }
                for (Future<ApiResponse> reply : batch) {
                    ApiResponse response = reply.get();
                    if (response.status() == 429) {
                        return response;
                    }
                }
            }
            throw new AssertionError("no 429 after 400 orders from one user");
        } finally {
            pool.shutdownNow();
        }
    }

    private ApiResponse placeOrder(String token) {
        // no Idempotency-Key: order-service answers 400 quickly; the gateway counts the request all the same
        return gateway.post("/api/orders", Map.of("dropId", UUID.randomUUID().toString(), "quantity", 1), token);
    }

    private String registerUser() {
        return Users.register(gateway, "Gateway E2E").accessToken();
    }

    private static void assertUnauthenticated(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
