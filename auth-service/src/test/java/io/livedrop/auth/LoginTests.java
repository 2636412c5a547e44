package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class LoginTests extends AuthIntegrationTest {

    @Test
    void loginAnswersTheSameShapeAsRegister() {
        var account = api.register();

        var response = api.login(account.email(), account.password());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("user").path("id").asString()).isEqualTo(account.id());
        assertThat(response.body().path("user").path("email").asString()).isEqualTo(account.email());
        assertThat(response.body().path("user").path("creator").isBoolean()).isTrue();
        assertThat(response.text("tokenType")).isEqualTo("Bearer");
        assertThat(response.body().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(response.text("refreshToken")).isNotEqualTo(account.refreshToken());
        assertThat(api.get("/api/users/me", response.text("accessToken")).status())
                .isEqualTo(200);
    }

    @Test
    void emailIsMatchedCaseInsensitively() {
        var account = api.register();

        var response = api.login("  " + account.email().toUpperCase() + " ", account.password());

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        var account = api.register();

        var wrongPassword = api.login(account.email(), account.password() + "x");
        var unknownEmail = api.login(AuthApi.uniqueEmail(), account.password());

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
        assertThat(withoutInstance(unknownEmail)).isEqualTo(withoutInstance(wrongPassword));
    }

    @Test
    void missingFieldsAreValidationFailed() {
        var response = api.post("/api/auth/login", Map.of("email", "someone@example.test"), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body().path("errors").path(0).path("field").asString())
                .isEqualTo("password");
    }

    @Test
    void plainBcryptHashIsAcceptedAndUpgraded() {
        var account = api.register();
        String legacy = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(account.password());
        jdbc.sql("update users set password_hash = :hash where email = :email")
                .param("hash", legacy)
                .param("email", account.email())
                .update();

        var response = api.login(account.email(), account.password());

        assertThat(response.status()).isEqualTo(200);
        assertThat(jdbc.sql("select password_hash from users where email = :email")
                        .param("email", account.email())
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt-sha256}$2a$10$");
    }

    private static String withoutInstance(AuthApi.Response response) {
        return response.body().deepCopy() instanceof tools.jackson.databind.node.ObjectNode object
                ? object.without("instance").toString()
                : response.raw();
    }
}
