package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.livedrop.auth.token.application.TokenService;
import io.livedrop.common.security.Scopes;
import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestJwtIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** What the access tokens carry, where they are accepted, and when they stop being accepted. */
@IntegrationTest
class AccessTokenTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    TokenService tokens;

    TestClient client() {
        return new TestClient(port);
    }

    @Test
    void accessTokenCarriesTheContractClaims() throws Exception {
        var account = client().register();

        SignedJWT jwt = SignedJWT.parse(account.accessToken());
        var claims = jwt.getJWTClaimsSet();

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getSubject()).isEqualTo(account.id());
        assertThat(claims.getIssuer()).isEqualTo("livedrop-auth");
        assertThat(claims.getAudience()).containsExactly(Scopes.API_AUDIENCE);
        assertThat(claims.getStringClaim("scope")).isEqualTo(Scopes.USER);
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void accessTokenIsSignedByAKeyOfTheJwks() throws Exception {
        var account = client().register();
        SignedJWT jwt = SignedJWT.parse(account.accessToken());

        var jwks = JWKSet.parse(client().get("/.well-known/jwks.json", null).raw());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());

        assertThat(key).isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void jwksPublishesOnlyPublicRsaSigningKeys() {
        var response = client().get("/.well-known/jwks.json", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        var keys = response.body().path("keys");
        assertThat(keys.size()).isPositive();
        keys.forEach(key -> {
            assertThat(key.path("kty").asString()).isEqualTo("RSA");
            assertThat(key.path("alg").asString()).isEqualTo("RS256");
            assertThat(key.path("use").asString()).isEqualTo("sig");
            assertThat(key.path("kid").asString()).isNotBlank();
            assertThat(key.has("d")).as("private exponent").isFalse();
            assertThat(key.has("p")).isFalse();
        });
    }

    @Test
    void expiredAccessTokenIsUnauthenticated() {
        var account = client().register();
        // expired two minutes ago: beyond the one minute of clock skew resource servers allow
        String expired = tokens.issue(
                        account.id(),
                        Scopes.API_AUDIENCE,
                        Scopes.USER,
                        Duration.ofMinutes(15),
                        Instant.now().minus(Duration.ofMinutes(17)))
                .value();

        var response = client().get("/api/users/me", expired);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void tamperedAccessTokenIsUnauthenticated() {
        var victim = client().register();
        var attacker = client().register();
        String[] parts = attacker.accessToken().split("\\.");
        // the attacker's signature over a payload naming the victim
        String forgedPayload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace(attacker.id(), victim.id())
                        .getBytes());
        String tampered = parts[0] + "." + forgedPayload + "." + parts[2];

        var response = client().get("/api/users/me", tampered);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void tokenOfAnotherIssuerKeyIsUnauthenticated() {
        var account = client().register();
        // right claims, signed by a key auth-service never published
        String foreign = TestJwtIssuer.shared().userToken(account.id());

        assertThat(client().get("/api/users/me", foreign).status()).isEqualTo(401);
    }

    @Test
    void tokenForTheRealtimeAudienceIsUnauthenticatedOnTheApi() {
        var account = client().register();
        String token = tokens.issue(
                        account.id(), Scopes.API_AUDIENCE, Scopes.USER, Duration.ofMinutes(5), Instant.now())
                .value();
        assertThat(client().get("/api/users/me", token).status()).isEqualTo(200);

        // same key, but a token meant for the realtime endpoints
        String realtime = tokens.issue(
                        account.id(), Scopes.REALTIME_AUDIENCE, Scopes.REALTIME, Duration.ofMinutes(5), Instant.now())
                .value();
        assertThat(client().get("/api/users/me", realtime).status()).isEqualTo(401);
    }

    @Test
    void serviceTokenIsRejectedOnUserEndpoints() {
        String serviceToken = tokens.serviceToken("order-service", Set.of(Scopes.INTERNAL_INVENTORY))
                .value();

        var response = client().get("/api/users/me", serviceToken);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void userTokenIsRejectedOnInternalEndpoints() {
        var account = client().register();

        var asUser = client().get("/internal/anything", account.accessToken());
        var asService = client().get(
                        "/internal/anything",
                        tokens.serviceToken(
                                        "order-service", Set.of(Scopes.INTERNAL_INVENTORY, Scopes.INTERNAL_PAYMENTS))
                                .value());

        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.code()).isEqualTo("FORBIDDEN");
        // auth-service has no internal API (no livedrop.security.internal-scope): no service token opens it
        assertThat(asService.status()).isEqualTo(403);
        assertThat(asService.code()).isEqualTo("FORBIDDEN");
    }
}
