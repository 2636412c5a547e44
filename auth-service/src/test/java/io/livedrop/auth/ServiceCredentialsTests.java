package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.livedrop.common.security.Scopes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** POST /oauth2/token as docs/INTERNAL-API.md fixes it. */
class ServiceCredentialsTests extends AuthIntegrationTest {

    private static final String GRANT = "grant_type=client_credentials";

    @Test
    void orderServiceGetsExactlyItsScopesWithBasicCredentials() throws Exception {
        var response = api.postForm("/oauth2/token", GRANT, basic("order-service", "local-dev-service-secret"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.text("token_type")).isEqualTo("Bearer");
        assertThat(response.body().path("expires_in").asLong()).isEqualTo(300);
        assertThat(response.text("scope")).isEqualTo("internal:inventory internal:payments");
        assertThat(response.header("Cache-Control")).contains("no-store");
        var jwt = SignedJWT.parse(response.text("access_token"));
        var claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getSubject()).isEqualTo("order-service");
        assertThat(claims.getIssuer()).isEqualTo("livedrop-auth");
        assertThat(claims.getAudience()).containsExactly(Scopes.API_AUDIENCE);
        assertThat(claims.getStringClaim("scope").split(" "))
                .containsExactlyInAnyOrder(Scopes.INTERNAL_INVENTORY, Scopes.INTERNAL_PAYMENTS);
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void paymentServiceMayOnlyReadOrders() throws Exception {
        var response = api.postForm("/oauth2/token", GRANT, basic("payment-service", "local-dev-service-secret"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.text("scope")).isEqualTo(Scopes.INTERNAL_ORDERS);
        assertThat(SignedJWT.parse(response.text("access_token"))
                        .getJWTClaimsSet()
                        .getStringClaim("scope"))
                .isEqualTo(Scopes.INTERNAL_ORDERS);
    }

    /** Asking for some of its scopes gets just those (what ClientCredentialsTokenProvider does). */
    @Test
    void aClientGetsTheScopesItAsksForAmongItsOwn() throws Exception {
        var response = api.postForm(
                "/oauth2/token",
                GRANT + "&scope=internal:payments",
                basic("order-service", "local-dev-service-secret"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.text("scope")).isEqualTo(Scopes.INTERNAL_PAYMENTS);
        assertThat(SignedJWT.parse(response.text("access_token"))
                        .getJWTClaimsSet()
                        .getStringClaim("scope"))
                .isEqualTo(Scopes.INTERNAL_PAYMENTS);
    }

    /** Only order-service may reserve stock and refund; payment-service cannot get those scopes. */
    @Test
    void aClientCannotObtainAScopeItIsNotAllowed() {
        String payment = basic("payment-service", "local-dev-service-secret");
        String order = basic("order-service", "local-dev-service-secret");

        var inventory = api.postForm("/oauth2/token", GRANT + "&scope=internal:inventory", payment);
        var refunds = api.postForm("/oauth2/token", GRANT + "&scope=internal:orders%20internal:payments", payment);
        var follows = api.postForm("/oauth2/token", GRANT + "&scope=internal:follows", order);
        var mixed = api.postForm("/oauth2/token", GRANT + "&scope=internal:inventory%20internal:orders", order);

        for (var refused : java.util.List.of(inventory, refunds, follows, mixed)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.text("error")).isEqualTo("invalid_scope");
            assertThat(refused.raw()).doesNotContain("access_token");
        }
        assertThat(refunds.text("error_description"))
                .contains("internal:payments")
                .doesNotContain("internal:orders");
    }

    /** The one shared scope every service token used to carry is gone. */
    @Test
    void theOldCatchAllInternalScopeIsRefused() {
        var response = api.postForm(
                "/oauth2/token", GRANT + "&scope=internal", basic("order-service", "local-dev-service-secret"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("error")).isEqualTo("invalid_scope");
    }

    /** Services without internal calls (gateway, auth, catalog, ...) have no credential at all. */
    @Test
    void servicesWithoutInternalCallsAreNoClients() {
        for (String service : java.util.List.of(
                "gateway-service", "auth-service", "catalog-service", "inventory-service", "notification-service")) {
            var response = api.postForm("/oauth2/token", GRANT, basic(service, "local-dev-service-secret"));

            assertThat(response.status()).as(service).isEqualTo(401);
            assertThat(response.text("error")).isEqualTo("invalid_client");
        }
    }

    @Test
    void serviceTokenIsRejectedOnUserEndpoints() {
        String token = api.postForm("/oauth2/token", GRANT, basic("payment-service", "local-dev-service-secret"))
                .text("access_token");

        assertThat(api.get("/api/users/me", token).status()).isEqualTo(403);
    }

    @Test
    void wrongSecretIsInvalidClient() {
        var response = api.postForm("/oauth2/token", GRANT, basic("order-service", "wrong-secret"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw()).isEqualTo("{\"error\":\"invalid_client\"}");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void unknownClientIsInvalidClient() {
        var response = api.postForm("/oauth2/token", GRANT, basic("evil-service", "local-dev-service-secret"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("error")).isEqualTo("invalid_client");
    }

    @Test
    void missingOrMalformedCredentialsAreInvalidClient() {
        assertThat(api.postForm("/oauth2/token", GRANT, null).text("error")).isEqualTo("invalid_client");
        assertThat(api.postForm("/oauth2/token", GRANT, "Basic %%%").text("error"))
                .isEqualTo("invalid_client");
        assertThat(api.postForm("/oauth2/token", GRANT, "Bearer abc").status()).isEqualTo(401);
    }

    @Test
    void otherGrantTypesAndScopesAreRefused() {
        String credentials = basic("order-service", "local-dev-service-secret");

        var password = api.postForm("/oauth2/token", "grant_type=password", credentials);
        var missing = api.postForm("/oauth2/token", "", credentials);
        var scope = api.postForm("/oauth2/token", GRANT + "&scope=user", credentials);

        assertThat(password.status()).isEqualTo(400);
        assertThat(password.text("error")).isEqualTo("unsupported_grant_type");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("error")).isEqualTo("invalid_request");
        assertThat(scope.status()).isEqualTo(400);
        assertThat(scope.text("error")).isEqualTo("invalid_scope");
    }

    private static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
