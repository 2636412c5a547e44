package io.livedrop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.security.Scopes;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who gets past the gateway: anonymous only where API.md marks P, otherwise a valid user token. */
class SecurityTests extends GatewayIntegrationTest {

    private final String userId = UUID.randomUUID().toString();

    @ParameterizedTest
    @CsvSource({
        "POST, /api/auth/register",
        "POST, /api/auth/login",
        "POST, /api/auth/refresh",
        "GET, /api/users/some-user",
        "GET, /api/creators/some-creator",
        "GET, /api/creators?ids=c1,c2",
        "GET, /api/creators?handle=someone",
        "GET, /api/products",
        "GET, /api/products?creatorId=c1&q=mug",
        "GET, /api/products/some-product",
        "GET, /api/drops",
        "GET, /api/drops?status=live",
        "GET, /api/drops/some-drop",
    })
    void publicEndpointsAreReachableWithoutToken(String method, String path) {
        var reply = gateway.new Call(method, path).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.text("authorization")).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /api/auth/logout",
        "GET, /api/users/me",
        "GET, /api/realtime/token",
        "POST, /api/creators",
        "PATCH, /api/creators/me",
        "POST, /api/products",
        "PATCH, /api/products/p1",
        "POST, /api/products/p1/image-upload",
        "POST, /api/drops",
        "PATCH, /api/drops/d1",
        "POST, /api/follows",
        "DELETE, /api/follows/c1",
        "GET, /api/follows/check?creatorId=c1",
        "GET, /api/creators/c1/followers",
        "GET, /api/users/u1/following",
        "POST, /api/orders",
        "GET, /api/orders",
        "GET, /api/orders/o1",
        "PUT, /api/orders/o1/cancel",
        "POST, /api/payments",
        "GET, /api/payments/p1",
        "GET, /api/notifications",
        "POST, /api/notifications/n1/read",
        "POST, /api/notifications/read-all",
        "GET, /api/anything/else",
    })
    void everythingElseNeedsAToken(String method, String path) {
        var reply = gateway.new Call(method, path).send();

        assertUnauthenticated(reply);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(reply.text("detail")).isEqualTo("A valid bearer token is required");
    }

    @Test
    void userTokenOpensProtectedEndpointsAndIsForwardedUnchanged() {
        String token = tokens.userToken(userId);

        var reply = gateway.get("/api/users/me").bearer(token).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.service()).isEqualTo("auth-service");
        assertThat(reply.text("authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void userTokenIsAlsoFineOnPublicEndpoints() {
        String token = tokens.userToken(userId);

        var reply = gateway.get("/api/drops").bearer(token).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void expiredTokenIsRejected() {
        var reply = gateway.get("/api/orders")
                .bearer(tokens.userToken(userId, Duration.ofMinutes(-5)))
                .send();

        assertInvalidToken(reply);
    }

    @Test
    void tamperedTokenIsRejected() {
        String token = tokens.userToken(userId);
        String[] parts = token.split("\\.");
        String otherUser = tokens.userToken(UUID.randomUUID().toString()).split("\\.")[1];
        String tampered = parts[0] + "." + otherUser + "." + parts[2];

        assertInvalidToken(gateway.get("/api/orders").bearer(tampered).send());
    }

    @Test
    void garbageTokenIsRejected() {
        assertInvalidToken(gateway.get("/api/orders").bearer("not-a-jwt").send());
    }

    @Test
    void tokenOfAnotherIssuerIsRejected() {
        String token = tokens.sign(
                userId, Scopes.API_AUDIENCE, Scopes.USER, Duration.ofMinutes(5), claims -> claims.issuer("evil"));

        assertInvalidToken(gateway.get("/api/orders").bearer(token).send());
    }

    @Test
    void realtimeTokenIsNotAnAccessToken() {
        assertInvalidToken(
                gateway.get("/api/orders").bearer(tokens.realtimeToken(userId)).send());
    }

    @Test
    void tokenWithoutUserScopeIsForbidden() {
        String token = tokens.sign(userId, Scopes.API_AUDIENCE, "profile", Duration.ofMinutes(5), claims -> {});

        var reply = gateway.get("/api/orders").bearer(token).send();

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void serviceTokensAreNotAcceptedAtThePublicEdge() {
        String serviceToken = tokens.serviceToken("order-service");

        assertThat(gateway.get("/api/orders").bearer(serviceToken).send().status())
                .isEqualTo(403);
        assertThat(gateway.get("/api/drops").bearer(serviceToken).send().code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void invalidTokenOnPublicEndpointIsRejectedRatherThanIgnored() {
        assertInvalidToken(gateway.get("/api/drops")
                .bearer(tokens.userToken(userId, Duration.ofMinutes(-5)))
                .send());
        assertInvalidToken(gateway.post("/api/auth/login").bearer("not-a-jwt").send());
    }

    @Test
    void sseNeedsARealtimeTokenInTheQueryAndForwardsIt() {
        String token = tokens.realtimeToken(userId);

        var reply = gateway.get("/api/realtime/sse?token=" + token).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.service()).isEqualTo("notification-service");
        assertThat(reply.text("query")).isEqualTo("token=" + token);
    }

    @Test
    void realtimeEndpointsRefuseMissingOrWrongTokens() {
        for (String path : new String[] {"/api/realtime/sse", "/ws"}) {
            assertUnauthenticated(gateway.get(path).send());
            assertInvalidToken(gateway.get(path + "?token=not-a-jwt").send());
            // an access token is not a realtime token (wrong audience), in the query or in the header
            assertInvalidToken(
                    gateway.get(path + "?token=" + tokens.userToken(userId)).send());
            assertUnauthenticated(
                    gateway.get(path).bearer(tokens.realtimeToken(userId)).send());
        }
    }

    @Test
    void gatewayPagesArePublic() {
        assertThat(gateway.get("/v3/api-docs").send().status()).isEqualTo(200);
        assertThat(gateway.get("/v3/api-docs/auth-service").send().status()).isEqualTo(200);
        assertThat(gateway.get("/actuator/health").send().status()).isEqualTo(200);
    }

    private static void assertInvalidToken(GatewayApi.Reply reply) {
        assertUnauthenticated(reply);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(reply.text("detail")).isEqualTo("The access token is invalid or expired");
    }

    private static void assertUnauthenticated(GatewayApi.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }
}
