package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RegistrationTests extends AuthIntegrationTest {

    @Test
    void registerAnswersCreatedWithUserAndTokens() {
        String email = AuthApi.uniqueEmail();

        var response = api.post(
                "/api/auth/register", Map.of("email", email, "password", "s3cret-pass", "name", "Ada Lovelace"), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var user = response.body().path("user");
        assertThat(user.path("id").asString()).hasSize(36);
        assertThat(user.path("email").asString()).isEqualTo(email);
        assertThat(user.path("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(Instant.parse(user.path("createdAt").asString()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(user.path("creator").asBoolean(true)).isFalse();
        assertThat(response.text("accessToken")).isNotBlank();
        assertThat(response.text("refreshToken")).isNotBlank();
        assertThat(response.text("tokenType")).isEqualTo("Bearer");
        assertThat(response.body().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(response.header("Location"))
                .isEqualTo("/api/users/" + user.path("id").asString());
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    @Test
    void registeredUserIsWhatMeAnswers() {
        var response = api.post(
                "/api/auth/register",
                Map.of("email", AuthApi.uniqueEmail(), "password", "s3cret-pass", "name", "Ada"),
                null);

        var me = api.get("/api/users/me", response.text("accessToken"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).isEqualTo(response.body().path("user"));
    }

    @Test
    void emailIsTrimmedAndLowerCased() {
        String email = AuthApi.uniqueEmail();

        var response = api.post(
                "/api/auth/register",
                Map.of("email", "  " + email.toUpperCase() + " ", "password", "s3cret-pass", "name", " Ada "),
                null);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().path("user").path("email").asString()).isEqualTo(email);
        assertThat(response.body().path("user").path("name").asString()).isEqualTo("Ada");
    }

    @Test
    void sameEmailInAnotherCaseIsTaken() {
        var first = api.register();

        var again = api.post(
                "/api/auth/register",
                Map.of("email", first.email().toUpperCase(), "password", "another-pass", "name", "Eve"),
                null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("EMAIL_TAKEN");
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @RepeatedTest(3)
    void concurrentRegistrationsOfOneEmailCreateOneUser() throws Exception {
        String email = AuthApi.uniqueEmail();
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                String name = "Racer " + i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api.post(
                                    "/api/auth/register",
                                    Map.of("email", email, "password", "s3cret-pass", "name", name),
                                    null)
                            .status();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }
            assertThat(results).containsOnlyOnce(201).containsOnly(201, 409);
        }
        assertThat(jdbc.sql("select count(*) from users where email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void passwordIsStoredAsSaltedAdaptiveHash() {
        var account = api.register();

        String hash = jdbc.sql("select password_hash from users where email = :email")
                .param("email", account.email())
                .query(String.class)
                .single();

        assertThat(hash).startsWith("{bcrypt-sha256}$2a$10$").doesNotContain(account.password());
    }

    @Test
    void passwordsUpTo128CharactersOfAnyScriptWork() {
        // 128 characters, 384 bytes of UTF-8: far beyond bcrypt's 72-byte input limit
        String password = "密".repeat(128);
        String email = AuthApi.uniqueEmail();

        var registered =
                api.post("/api/auth/register", Map.of("email", email, "password", password, "name", "Long"), null);
        var login = api.login(email, password);
        // differs from the registered password only after the first 72 bytes
        var almost = api.login(email, "密".repeat(127) + "x");

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(login.status()).isEqualTo(200);
        assertThat(almost.status()).isEqualTo(401);
    }

    @Test
    void passwordLengthIsChecked() {
        assertInvalid(Map.of("email", AuthApi.uniqueEmail(), "password", "7-chars", "name", "Ada"), "password");
        assertInvalid(Map.of("email", AuthApi.uniqueEmail(), "password", "p".repeat(129), "name", "Ada"), "password");
        var exactly8 = api.post(
                "/api/auth/register",
                Map.of("email", AuthApi.uniqueEmail(), "password", "8-chars!", "name", "Ada"),
                null);
        assertThat(exactly8.status()).isEqualTo(201);
    }

    @Test
    void emailMustBeAnEmail() {
        assertInvalid(Map.of("email", "not-an-email", "password", "s3cret-pass", "name", "Ada"), "email");
        assertInvalid(Map.of("email", "a@b", "password", "s3cret-pass", "name", "Ada"), "email");
        assertInvalid(Map.of("email", "", "password", "s3cret-pass", "name", "Ada"), "email");
        assertInvalid(
                Map.of("email", "x".repeat(250) + "@example.test", "password", "s3cret-pass", "name", "Ada"), "email");
    }

    @Test
    void nameIsRequiredAndBounded() {
        assertInvalid(Map.of("email", AuthApi.uniqueEmail(), "password", "s3cret-pass", "name", "   "), "name");
        assertInvalid(Map.of("email", AuthApi.uniqueEmail(), "password", "s3cret-pass"), "name");
        assertInvalid(
                Map.of("email", AuthApi.uniqueEmail(), "password", "s3cret-pass", "name", "n".repeat(101)), "name");
    }

    @Test
    void controlCharactersAreRefusedNotAnInternalError() {
        assertInvalid(
                Map.of("email", AuthApi.uniqueEmail(), "password", "s3cret-pass", "name", "Ada\0Lovelace"), "name");
        assertInvalid(Map.of("email", "ada\0@example.test", "password", "s3cret-pass", "name", "Ada"), "email");
        var login = api.login("ada\0@example.test", "s3cret-pass");
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.code()).isEqualTo("VALIDATION_FAILED");
        // a password is only ever hashed, so any character is fine
        var nulInPassword = api.post(
                "/api/auth/register",
                Map.of("email", AuthApi.uniqueEmail(), "password", "pass\0word", "name", "Ada"),
                null);
        assertThat(nulInPassword.status()).isEqualTo(201);
    }

    @Test
    void everyMissingFieldIsListed() {
        var response = api.post("/api/auth/register", "{}", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("email", "password", "name");
    }

    @Test
    void malformedJsonIsValidationFailed() {
        var response = api.post("/api/auth/register", "{\"email\": ", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anExpiredBearerTokenDoesNotBlockRegistration() {
        var response = api.post(
                "/api/auth/register",
                Map.of("email", AuthApi.uniqueEmail(), "password", "s3cret-pass", "name", "Ada"),
                "not.a.valid-token");

        assertThat(response.status()).isEqualTo(201);
    }

    private void assertInvalid(Map<String, String> body, String field) {
        var response = api.post("/api/auth/register", body, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .contains(field);
    }
}
