package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.test.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

@IntegrationTest
class LogoutTests {

    @Value("${local.server.port}")
    int port;

    TestClient client() {
        return new TestClient(port);
    }

    @Test
    void logoutRevokesTheSessionsRefreshTokens() {
        var account = client().register();
        var refreshed = client().refresh(account.refreshToken());

        var logout = logout(account.accessToken(), refreshed.text("refreshToken"));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.raw()).isEmpty();
        var after = client().refresh(refreshed.text("refreshToken"));
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void logoutLeavesOtherSessionsSignedIn() {
        var account = client().register();
        var otherDevice = client().login(account.email(), account.password());

        logout(account.accessToken(), account.refreshToken());

        assertThat(client().refresh(otherDevice.text("refreshToken")).status()).isEqualTo(200);
    }

    @Test
    void logoutWithSomeoneElsesTokenChangesNothing() {
        var victim = client().register();
        var caller = client().register();

        var logout = logout(caller.accessToken(), victim.refreshToken());

        assertThat(logout.status()).isEqualTo(204);
        assertThat(client().refresh(victim.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void logoutWithAnUnknownTokenIsStillNoContent() {
        var account = client().register();

        assertThat(logout(account.accessToken(), "unknown-token").status()).isEqualTo(204);
    }

    @Test
    void logoutNeedsASignedInUser() {
        var account = client().register();

        var response = logout(null, account.refreshToken());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(client().refresh(account.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void logoutNeedsTheRefreshToken() {
        var account = client().register();

        var response = client().post("/api/auth/logout", Map.of(), account.accessToken());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    }

    private TestClient.Response logout(String accessToken, String refreshToken) {
        return client().post("/api/auth/logout", Map.of("refreshToken", refreshToken), accessToken);
    }
}
