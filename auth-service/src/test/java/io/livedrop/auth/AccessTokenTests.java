package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.livedrop.auth.token.application.TokenService;
import io.livedrop.common.security.Scopes;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the access tokens carry, where they are accepted, and when they stop being accepted. */
class AccessTokenTests extends AuthIntegrationTest {

    @Autowired
    TokenService tokens;

    @Test
    void accessTokenCarriesTheContractClaims() throws Exception {
        var account = api.register();

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
        var account = api.register();
        SignedJWT jwt = SignedJWT.parse(account.accessToken());

        var jwks = JWKSet.parse(api.get("/.well-known/jwks.json", null).raw());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());

        assertThat(key).isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void jwksPublishesOnlyPublicRsaSigningKeys() {
        var response = api.get("/.well-known/jwks.json", null);

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
        var account = api.register();
        // expired two minutes ago: beyond the one minute of clock skew resource servers allow
        String expired = tokens.issue(
                        account.id(),
                        Scopes.API_AUDIENCE,
                        Scopes.USER,
                        Duration.ofMinutes(15),
                        Instant.now().minus(Duration.ofMinutes(17)))
                .value();

        var response = api.get("/api/users/me", expired);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void tamperedAccessTokenIsUnauthenticated() {
        var victim = api.register();
        var attacker = api.register();
        String[] parts = attacker.accessToken().split("\\.");
        // the attacker's signature over a payload naming the victim
        String forgedPayload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace(attacker.id(), victim.id())
                        .getBytes());
        String tampered = parts[0] + "." + forgedPayload + "." + parts[2];

        var response = api.get("/api/users/me", tampered);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void tokenOfAnotherIssuerKeyIsUnauthenticated() {
        var account = api.register();
        // right claims, signed by a key auth-service never published
        String foreign = jwtIssuer.userToken(account.id());

        assertThat(api.get("/api/users/me", foreign).status()).isEqualTo(401);
    }

    @Test
    void tokenForTheRealtimeAudienceIsUnauthenticatedOnTheApi() {
        var account = api.register();
        String token = tokens.issue(
                        account.id(), Scopes.API_AUDIENCE, Scopes.USER, Duration.ofMinutes(5), Instant.now())
                .value();
        assertThat(api.get("/api/users/me", token).status()).isEqualTo(200);

        // same key, but a token meant for the realtime endpoints
        String realtime = tokens.issue(
                        account.id(), Scopes.REALTIME_AUDIENCE, Scopes.REALTIME, Duration.ofMinutes(5), Instant.now())
                .value();
        assertThat(api.get("/api/users/me", realtime).status()).isEqualTo(401);
    }

    @Test
    void serviceTokenIsRejectedOnUserEndpoints() {
        String serviceToken = tokens.serviceToken("order-service", Set.of(Scopes.INTERNAL_INVENTORY))
                .value();

        var response = api.get("/api/users/me", serviceToken);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void userTokenIsRejectedOnInternalEndpoints() {
        var account = api.register();

        var asUser = api.get("/internal/anything", account.accessToken());
        var asService = api.get(
                "/internal/anything",
                tokens.serviceToken("order-service", Set.of(Scopes.INTERNAL_INVENTORY, Scopes.INTERNAL_PAYMENTS))
                        .value());

        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.code()).isEqualTo("FORBIDDEN");
        // auth-service has no internal API (no livedrop.security.internal-scope): no service token opens it
        assertThat(asService.status()).isEqualTo(403);
        assertThat(asService.code()).isEqualTo("FORBIDDEN");
    }
}
