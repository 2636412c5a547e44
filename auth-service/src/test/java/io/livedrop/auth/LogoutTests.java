package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogoutTests extends AuthIntegrationTest {

    @Test
    void logoutRevokesTheSessionsRefreshTokens() {
        var account = api.register();
        var refreshed = api.refresh(account.refreshToken());

        var logout = logout(account.accessToken(), refreshed.text("refreshToken"));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.raw()).isEmpty();
        var after = api.refresh(refreshed.text("refreshToken"));
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void logoutLeavesOtherSessionsSignedIn() {
        var account = api.register();
        var otherDevice = api.login(account.email(), account.password());

        logout(account.accessToken(), account.refreshToken());

        assertThat(api.refresh(otherDevice.text("refreshToken")).status()).isEqualTo(200);
    }

    @Test
    void logoutWithSomeoneElsesTokenChangesNothing() {
        var victim = api.register();
        var caller = api.register();

        var logout = logout(caller.accessToken(), victim.refreshToken());

        assertThat(logout.status()).isEqualTo(204);
        assertThat(api.refresh(victim.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void logoutWithAnUnknownTokenIsStillNoContent() {
        var account = api.register();

        assertThat(logout(account.accessToken(), "unknown-token").status()).isEqualTo(204);
    }

    @Test
    void logoutNeedsASignedInUser() {
        var account = api.register();

        var response = logout(null, account.refreshToken());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.refresh(account.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void logoutNeedsTheRefreshToken() {
        var account = api.register();

        var response = api.post("/api/auth/logout", Map.of(), account.accessToken());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    }

    private AuthApi.Response logout(String accessToken, String refreshToken) {
        return api.post("/api/auth/logout", Map.of("refreshToken", refreshToken), accessToken);
    }
}
