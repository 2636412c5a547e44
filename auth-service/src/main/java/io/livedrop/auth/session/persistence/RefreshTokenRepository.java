package io.livedrop.auth.session.persistence;

import io.livedrop.common.jdbc.SqlTimes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code refresh_token_family} and {@code refresh_token} tables. */
@Repository
public class RefreshTokenRepository {

    private final JdbcClient jdbc;

    public RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token this request has used up, and where its successor goes (and when its session began). */
    public record Claimed(UUID familyId, UUID userId, Instant sessionStartedAt) {}

    /** A token that could not be claimed: does it exist, and was it used? */
    public record Unclaimable(UUID familyId, boolean used) {}

    public void startFamily(UUID familyId, UUID userId, Instant now) {
        jdbc.sql("insert into refresh_token_family (id, user_id, created_at) values (:id, :userId, :now)")
                .param("id", familyId)
                .param("userId", userId)
                .param("now", SqlTimes.utc(now))
                .update();
    }

    public void insert(byte[] tokenHash, UUID familyId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                        insert into refresh_token (token_hash, family_id, issued_at, expires_at)
                        values (:hash, :familyId, :issuedAt, :expiresAt)
                        """)
                .param("hash", tokenHash)
                .param("familyId", familyId)
                .param("issuedAt", SqlTimes.utc(issuedAt))
                .param("expiresAt", SqlTimes.utc(expiresAt))
                .update();
    }

    /**
     * Uses up an unused, unexpired token of a live family whose session started after {@code
     * sessionsStartedAfter} (the absolute session lifetime). Of two concurrent claims of one token the
     * second waits on the row lock of the first and, once that commits, finds {@code used_at} set and
     * claims nothing: exactly one wins.
     */
    public Optional<Claimed> claim(byte[] tokenHash, Instant now, Instant sessionsStartedAfter) {
        return jdbc.sql("""
                        update refresh_token t
                           set used_at = :now
                          from refresh_token_family f
                         where t.token_hash = :hash
                           and t.used_at is null
                           and t.expires_at > :now
                           and f.id = t.family_id
                           and f.revoked_at is null
                           and f.created_at > :sessionsStartedAfter
                        returning t.family_id, f.user_id, f.created_at
                        """)
                .param("hash", tokenHash)
                .param("now", SqlTimes.utc(now))
                .param("sessionsStartedAfter", SqlTimes.utc(sessionsStartedAfter))
                .query((rs, n) -> new Claimed(
                        rs.getObject("family_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        SqlTimes.instant(rs, "created_at")))
                .optional();
    }

    public Optional<Unclaimable> find(byte[] tokenHash) {
        return jdbc.sql("select family_id, used_at is not null as used from refresh_token where token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, n) -> new Unclaimable(rs.getObject("family_id", UUID.class), rs.getBoolean("used")))
                .optional();
    }

    /** Revokes a family, keeping the first reason if it was already revoked. */
    public void revokeFamily(UUID familyId, String reason, Instant now) {
        jdbc.sql("""
                        update refresh_token_family
                           set revoked_at = :now, revoked_reason = :reason
                         where id = :familyId and revoked_at is null
                        """)
                .param("familyId", familyId)
                .param("reason", reason)
                .param("now", SqlTimes.utc(now))
                .update();
    }

    /** Logout: revokes the family of a token, only if that family belongs to the user. */
    public boolean revokeFamilyOf(byte[] tokenHash, UUID userId, Instant now) {
        return jdbc.sql("""
                        update refresh_token_family f
                           set revoked_at = :now, revoked_reason = 'logout'
                          from refresh_token t
                         where t.token_hash = :hash
                           and f.id = t.family_id
                           and f.user_id = :userId
                           and f.revoked_at is null
                        """)
                        .param("hash", tokenHash)
                        .param("userId", userId)
                        .param("now", SqlTimes.utc(now))
                        .update()
                == 1;
    }

    /** Deletes tokens that expired before the cutoff, then families left without tokens. */
    public int purgeExpiredBefore(Instant cutoff) {
        int tokens = jdbc.sql("delete from refresh_token where expires_at < :cutoff")
                .param("cutoff", SqlTimes.utc(cutoff))
                .update();
        jdbc.sql("""
                        delete from refresh_token_family f
                         where f.created_at < :cutoff
                           and not exists (select 1 from refresh_token t where t.family_id = f.id)
                        """).param("cutoff", SqlTimes.utc(cutoff)).update();
        return tokens;
    }
}
