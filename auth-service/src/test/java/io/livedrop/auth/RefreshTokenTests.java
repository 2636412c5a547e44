package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.auth.session.application.SessionService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Single-use refresh tokens, rotation within a family, and reuse detection. */
class RefreshTokenTests extends AuthIntegrationTest {

    @Autowired
    SessionService sessions;

    @Test
    void refreshAnswersANewPair() {
        var account = api.register();

        var refreshed = api.refresh(account.refreshToken());

        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.text("refreshToken")).isNotEqualTo(account.refreshToken());
        assertThat(refreshed.text("accessToken")).isNotEqualTo(account.accessToken());
        assertThat(refreshed.text("tokenType")).isEqualTo("Bearer");
        assertThat(refreshed.body().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(refreshed.body().path("user").path("id").asString()).isEqualTo(account.id());
        assertThat(refreshed.header("Cache-Control")).contains("no-store");
        assertThat(api.get("/api/users/me", refreshed.text("accessToken")).status())
                .isEqualTo(200);
    }

    @Test
    void successorsKeepRotating() {
        var account = api.register();
        String token = account.refreshToken();

        for (int i = 0; i < 3; i++) {
            var refreshed = api.refresh(token);
            assertThat(refreshed.status()).isEqualTo(200);
            token = refreshed.text("refreshToken");
        }
    }

    @Test
    void refreshTokensAreOpaque256BitValuesStoredOnlyAsTheirHash() throws Exception {
        var account = api.register();

        byte[] raw = Base64.getUrlDecoder().decode(account.refreshToken());
        assertThat(raw).hasSizeGreaterThanOrEqualTo(32);
        assertThat(account.refreshToken().split("\\.")).as("not a JWT").hasSize(1);
        assertThat(jdbc.sql("select count(*) from refresh_token where token_hash = :hash")
                        .param("hash", sha256(account.refreshToken()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from refresh_token where token_hash = :raw")
                        .param("raw", account.refreshToken().getBytes(StandardCharsets.UTF_8))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void reusingAUsedTokenIsDetectedAndRevokesTheFamily() {
        var account = api.register();
        var first = api.refresh(account.refreshToken());
        String successor = first.text("refreshToken");

        var reuse = api.refresh(account.refreshToken());

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.code()).isEqualTo("REFRESH_TOKEN_REUSED");
        assertThat(reuse.header("Content-Type")).startsWith("application/problem+json");
        // the successor, never used, belongs to the revoked family
        var afterRevocation = api.refresh(successor);
        assertThat(afterRevocation.status()).isEqualTo(401);
        assertThat(afterRevocation.code()).isEqualTo("INVALID_REFRESH_TOKEN");
        // and the reused token stays reused
        assertThat(api.refresh(account.refreshToken()).code()).isEqualTo("REFRESH_TOKEN_REUSED");
    }

    @Test
    void reuseRevokesOnlyItsOwnFamily() {
        var account = api.register();
        var otherDevice = api.login(account.email(), account.password());
        api.refresh(account.refreshToken());

        assertThat(api.refresh(account.refreshToken()).code()).isEqualTo("REFRESH_TOKEN_REUSED");

        assertThat(api.refresh(otherDevice.text("refreshToken")).status()).isEqualTo(200);
    }

    @RepeatedTest(5)
    void concurrentRefreshesOfOneTokenHaveExactlyOneWinner() throws Exception {
        var account = api.register();
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AuthApi.Response>> futures = new ArrayList<>();
        List<AuthApi.Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.refresh(account.refreshToken());
                }));
            }
            start.countDown();
            for (Future<AuthApi.Response> future : futures) {
                responses.add(future.get());
            }
        }

        List<AuthApi.Response> winners =
                responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSize(1);
        assertThat(responses)
                .filteredOn(r -> r.status() != 200)
                .extracting(AuthApi.Response::code)
                .containsOnly("REFRESH_TOKEN_REUSED");
        // the losers' reuse revoked the family, so the winner's successor is dead too
        assertThat(api.refresh(winners.get(0).text("refreshToken")).code()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(jdbc.sql("""
                        select count(*) from refresh_token t
                          join refresh_token_family f on f.id = t.family_id
                         where f.user_id = :userId::uuid
                        """).param("userId", account.id()).query(Long.class).single())
                .as("one token from registration, exactly one successor")
                .isEqualTo(2);
    }

    @Test
    void unknownTokenIsInvalid() {
        var response = api.refresh("definitely-not-a-refresh-token");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void expiredTokenIsInvalid() throws Exception {
        var account = api.register();
        jdbc.sql("""
                        update refresh_token
                           set issued_at = now() - interval '31 days', expires_at = now() - interval '1 day'
                         where token_hash = :hash
                        """).param("hash", sha256(account.refreshToken())).update();

        var response = api.refresh(account.refreshToken());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void refreshTokenLivesAsLongAsConfigured() throws Exception {
        var account = api.register();

        var lifetime = jdbc.sql("""
                        select extract(epoch from expires_at - issued_at)::bigint from refresh_token
                         where token_hash = :hash
                        """)
                .param("hash", sha256(account.refreshToken()))
                .query(Long.class)
                .single();

        assertThat(lifetime).isEqualTo(30L * 24 * 3600);
    }

    @Test
    void missingTokenIsValidationFailed() {
        var response = api.post("/api/auth/refresh", Map.of(), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body().path("errors").path(0).path("field").asString())
                .isEqualTo("refreshToken");
    }

    @Test
    void anExpiredAccessTokenSentAlongDoesNotBlockARefresh() {
        var account = api.register();

        var response =
                api.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken()), "expired.or.garbage");

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void purgeDeletesLongExpiredTokensAndTheirEmptyFamilies() throws Exception {
        var account = api.register();
        byte[] hash = sha256(account.refreshToken());
        jdbc.sql("""
                        update refresh_token
                           set issued_at = now() - interval '40 days', expires_at = now() - interval '10 days'
                         where token_hash = :hash
                        """).param("hash", hash).update();
        jdbc.sql("""
                        update refresh_token_family set created_at = now() - interval '40 days'
                         where user_id = :userId::uuid
                        """).param("userId", account.id()).update();

        sessions.purgeExpiredRefreshTokens();

        assertThat(jdbc.sql("select count(*) from refresh_token where token_hash = :hash")
                        .param("hash", hash)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from refresh_token_family where user_id = :userId::uuid")
                        .param("userId", account.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    static byte[] sha256(String token) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    }
}
