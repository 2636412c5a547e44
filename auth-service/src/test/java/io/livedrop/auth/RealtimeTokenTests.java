package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.livedrop.common.security.Scopes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RealtimeTokenTests extends AuthIntegrationTest {

    @Test
    void realtimeTokenHasItsOwnAudienceAndAShortLife() throws Exception {
        var account = api.register();

        var response = api.get("/api/realtime/token", account.accessToken());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("expiresIn").asLong()).isEqualTo(300);
        assertThat(response.header("Cache-Control")).contains("no-store");
        var jwt = SignedJWT.parse(response.text("token"));
        var claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getSubject()).isEqualTo(account.id());
        assertThat(claims.getIssuer()).isEqualTo("livedrop-auth");
        assertThat(claims.getAudience()).containsExactly(Scopes.REALTIME_AUDIENCE);
        assertThat(claims.getStringClaim("scope")).isEqualTo(Scopes.REALTIME);
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void realtimeTokenIsNotAnAccessToken() {
        var account = api.register();
        String realtime = api.get("/api/realtime/token", account.accessToken()).text("token");

        var response = api.get("/api/users/me", realtime);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void realtimeTokenNeedsASignedInUser() {
        assertThat(api.get("/api/realtime/token", null).status()).isEqualTo(401);
    }
}
