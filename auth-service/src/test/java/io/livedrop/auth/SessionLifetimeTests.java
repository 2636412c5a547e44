package io.livedrop.auth;

import static io.livedrop.auth.RefreshTokenTests.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The absolute session lifetime (issue 15, item 9; {@code SESSION_MAX_LIFETIME}, 30 days): a
 * refresh-token family ends 30 days after its sign-in however often it is refreshed. Time passing is
 * simulated by moving the family's start (and the presented token's issue) into the past.
 */
class SessionLifetimeTests extends AuthIntegrationTest {

    private static final long THIRTY_DAYS = 30L * 24 * 3600;

    @Test
    void aRefreshAfterTheSessionsMaxLifetimeIsInvalidEvenWithAFreshToken() throws Exception {
        var account = api.register();
        // refreshed yesterday, as a daily user would: the token itself has 29 days left
        String token = api.refresh(account.refreshToken()).text("refreshToken");
        sessionStartedAgo(account.id(), "30 days 1 minute");
        jdbc.sql("""
                        update refresh_token
                           set issued_at = now() - interval '1 day', expires_at = now() + interval '29 days'
                         where token_hash = :hash
                        """).param("hash", sha256(token)).update();

        var response = api.refresh(token);

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void aRefreshNeverExtendsTheSessionPastItsEnd() throws Exception {
        var account = api.register();
        sessionStartedAgo(account.id(), "29 days");

        var refreshed = api.refresh(account.refreshToken());

        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        long successorEndsAfterSessionStart = jdbc.sql("""
                        select extract(epoch from t.expires_at - f.created_at)::bigint
                          from refresh_token t join refresh_token_family f on f.id = t.family_id
                         where t.token_hash = :hash
                        """)
                .param("hash", sha256(refreshed.text("refreshToken")))
                .query(Long.class)
                .single();
        // one day left, not a fresh 30 days
        assertThat(successorEndsAfterSessionStart).isEqualTo(THIRTY_DAYS);
    }

    @Test
    void signingInAgainStartsANewSession() throws Exception {
        var account = api.register();
        sessionStartedAgo(account.id(), "31 days");
        assertThat(api.refresh(account.refreshToken()).status()).isEqualTo(401);

        var login = api.login(account.email(), account.password());

        assertThat(api.refresh(login.text("refreshToken")).status()).isEqualTo(200);
    }

    private void sessionStartedAgo(String userId, String interval) {
        int families = jdbc.sql("update refresh_token_family set created_at = now() - :ago::interval"
                        + " where user_id = :userId::uuid")
                .param("ago", interval)
                .param("userId", userId)
                .update();
        assertThat(families).isEqualTo(1);
    }
}
