package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.livedrop.common.security.Scopes;
import io.livedrop.common.test.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** POST /oauth2/token as docs/INTERNAL-API.md fixes it. */
@IntegrationTest
class ServiceCredentialsTests {

    private static final String GRANT = "grant_type=client_credentials";

    @Value("${local.server.port}")
    int port;

    TestClient client() {
        return new TestClient(port);
    }

    @Test
    void serviceGetsAnInternalTokenWithBasicCredentials() throws Exception {
        var response = client().postForm(
                        "/oauth2/token", GRANT + "&scope=internal", basic("order-service", "local-dev-service-secret"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.text("token_type")).isEqualTo("Bearer");
        assertThat(response.body().path("expires_in").asLong()).isEqualTo(300);
        assertThat(response.text("scope")).isEqualTo("internal");
        assertThat(response.header("Cache-Control")).contains("no-store");
        var jwt = SignedJWT.parse(response.text("access_token"));
        var claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getSubject()).isEqualTo("order-service");
        assertThat(claims.getIssuer()).isEqualTo("livedrop-auth");
        assertThat(claims.getAudience()).containsExactly(Scopes.API_AUDIENCE);
        assertThat(claims.getStringClaim("scope")).isEqualTo(Scopes.INTERNAL);
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void scopeIsOptional() {
        var response = client().postForm("/oauth2/token", GRANT, basic("gateway-service", "local-dev-service-secret"));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void serviceTokenIsRejectedOnUserEndpoints() {
        String token = client().postForm("/oauth2/token", GRANT, basic("catalog-service", "local-dev-service-secret"))
                .text("access_token");

        assertThat(client().get("/api/users/me", token).status()).isEqualTo(403);
    }

    @Test
    void wrongSecretIsInvalidClient() {
        var response = client().postForm("/oauth2/token", GRANT, basic("order-service", "wrong-secret"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw()).isEqualTo("{\"error\":\"invalid_client\"}");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void unknownClientIsInvalidClient() {
        var response = client().postForm("/oauth2/token", GRANT, basic("evil-service", "local-dev-service-secret"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("error")).isEqualTo("invalid_client");
    }

    @Test
    void missingOrMalformedCredentialsAreInvalidClient() {
        assertThat(client().postForm("/oauth2/token", GRANT, null).text("error"))
                .isEqualTo("invalid_client");
        assertThat(client().postForm("/oauth2/token", GRANT, "Basic %%%").text("error"))
                .isEqualTo("invalid_client");
        assertThat(client().postForm("/oauth2/token", GRANT, "Bearer abc").status())
                .isEqualTo(401);
    }

    @Test
    void otherGrantTypesAndScopesAreRefused() {
        String credentials = basic("order-service", "local-dev-service-secret");

        var password = client().postForm("/oauth2/token", "grant_type=password", credentials);
        var missing = client().postForm("/oauth2/token", "", credentials);
        var scope = client().postForm("/oauth2/token", GRANT + "&scope=user", credentials);

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
