package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.livedrop.common.security.Scopes;
import io.livedrop.common.test.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

@IntegrationTest
class RealtimeTokenTests {

    @Value("${local.server.port}")
    int port;

    TestClient client() {
        return new TestClient(port);
    }

    @Test
    void realtimeTokenHasItsOwnAudienceAndAShortLife() throws Exception {
        var account = client().register();

        var response = client().get("/api/realtime/token", account.accessToken());

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
        var account = client().register();
        String realtime =
                client().get("/api/realtime/token", account.accessToken()).text("token");

        var response = client().get("/api/users/me", realtime);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void realtimeTokenNeedsASignedInUser() {
        assertThat(client().get("/api/realtime/token", null).status()).isEqualTo(401);
    }
}
