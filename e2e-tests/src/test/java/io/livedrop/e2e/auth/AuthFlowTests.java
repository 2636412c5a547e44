package io.livedrop.e2e.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.e2e.support.Api;
import io.livedrop.e2e.support.ApiResponse;
import io.livedrop.e2e.support.Users;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-up, sign-in and token handling through the gateway, as an app does it. */
class AuthFlowTests {

    private final Api api = Api.gateway();

    @Test
    void registerLoginMeRefreshAndReuseDetection() {
        String email = Users.uniqueEmail();
        String password = "e2e-flow-password";

        ApiResponse registered = api.post(
                "/api/auth/register", Map.of("email", email, "password", password, "name", "Flow Tester"), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.text("tokenType")).isEqualTo("Bearer");
        String userId = registered.body().path("user").path("id").asString();

        ApiResponse login = api.post("/api/auth/login", Map.of("email", email, "password", password), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.body().path("user").path("id").asString()).isEqualTo(userId);

        ApiResponse me = api.get("/api/users/me", login.text("accessToken"));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(userId);
        assertThat(me.text("email")).isEqualTo(email);
        assertThat(me.body().path("creator").asBoolean(true)).isFalse();

        String used = login.text("refreshToken");
        ApiResponse refreshed = api.post("/api/auth/refresh", Map.of("refreshToken", used), null);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        String successor = refreshed.text("refreshToken");
        assertThat(successor).isNotEqualTo(used);
        assertThat(api.get("/api/users/me", refreshed.text("accessToken")).status())
                .isEqualTo(200);

        ApiResponse reuse = api.post("/api/auth/refresh", Map.of("refreshToken", used), null);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reuse.code()).isEqualTo("REFRESH_TOKEN_REUSED");

        ApiResponse familyRevoked = api.post("/api/auth/refresh", Map.of("refreshToken", successor), null);
        assertThat(familyRevoked.status()).isEqualTo(401);
        assertThat(familyRevoked.code()).isEqualTo("INVALID_REFRESH_TOKEN");

        // the registration's session is another family and still works
        assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", registered.text("refreshToken")), null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void duplicateEmailAndWrongPasswordAreRefused() {
        Users.User user = Users.register(api);

        ApiResponse again = api.post(
                "/api/auth/register",
                Map.of("email", user.email().toUpperCase(), "password", "another-password", "name", "Twin"),
                null);
        ApiResponse wrongPassword =
                api.post("/api/auth/login", Map.of("email", user.email(), "password", "not-the-password"), null);
        ApiResponse unknownEmail =
                api.post("/api/auth/login", Map.of("email", Users.uniqueEmail(), "password", user.password()), null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("EMAIL_TAKEN");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownEmail.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknownEmail.text("detail")).isEqualTo(wrongPassword.text("detail"));
    }

    @Test
    void tamperedTokenIsUnauthenticated() {
        Users.User victim = Users.register(api);
        Users.User attacker = Users.register(api);
        String[] parts = attacker.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(attacker.id(), victim.id());
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        ApiResponse response = api.get("/api/users/me", tampered);

        assertUnauthenticated(response);
    }

    @Test
    void expiredTokenIsUnauthenticated() throws Exception {
        Users.User user = Users.register(api);
        String expired = ExpiredTokens.accessToken(user.id(), Instant.now().minus(Duration.ofMinutes(5)));

        ApiResponse response = api.get("/api/users/me", expired);

        assertUnauthenticated(response);
    }

    @Test
    void missingTokenIsUnauthenticated() {
        assertUnauthenticated(api.get("/api/users/me", null));
    }

    @Test
    void publicProfileHasNoEmail() {
        Users.User user = Users.register(api, "Public Person");

        ApiResponse profile = api.get("/api/users/" + user.id(), null);

        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profile.text("id")).isEqualTo(user.id());
        assertThat(profile.text("name")).isEqualTo("Public Person");
        assertThat(profile.text("createdAt")).isNotBlank();
        assertThat(profile.body().has("email")).isFalse();
        assertThat(profile.rawBody()).doesNotContain(user.email());
    }

    @Test
    void unknownUserIsNotFound() {
        ApiResponse response = api.get("/api/users/00000000-0000-7000-8000-000000000000", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void realtimeTokenIsIssuedToSignedInUsers() {
        Users.User user = Users.register(api);

        ApiResponse response = api.get("/api/realtime/token", user.accessToken());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.text("token")).isNotBlank();
        assertThat(response.body().path("expiresIn").asLong()).isBetween(1L, 300L);
        // it opens the realtime endpoints only, not the API
        assertUnauthenticated(api.get("/api/users/me", response.text("token")));
    }

    @Test
    void logoutEndsTheSession() {
        Users.User user = Users.register(api);

        ApiResponse logout =
                api.post("/api/auth/logout", Map.of("refreshToken", user.refreshToken()), user.accessToken());
        ApiResponse refresh = api.post("/api/auth/refresh", Map.of("refreshToken", user.refreshToken()), null);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(refresh.code()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    private static void assertUnauthenticated(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
    }
}
