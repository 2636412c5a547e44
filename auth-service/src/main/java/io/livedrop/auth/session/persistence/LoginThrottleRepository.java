package io.livedrop.auth.session.persistence;

import io.livedrop.auth.session.domain.LoginAttempts;
import io.livedrop.common.jdbc.SqlTimes;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code login_throttle} table: one row per (hashed) email. */
@Repository
public class LoginThrottleRepository {

    private final JdbcClient jdbc;

    public LoginThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The email's record, created empty if it has none, locked until the current transaction ends (so
     * concurrent attempts of one email are counted one after another).
     */
    public LoginAttempts lock(byte[] emailHash, Instant now) {
        jdbc.sql("""
                        insert into login_throttle (email_hash, attempts, window_started_at, lockouts, updated_at)
                        values (:key, 0, :now, 0, :now)
                        on conflict on constraint login_throttle_pk do nothing
                        """).param("key", emailHash).param("now", SqlTimes.utc(now)).update();
        return jdbc.sql("""
                        select attempts, window_started_at, lockouts, locked_until
                          from login_throttle where email_hash = :key for update
                        """)
                .param("key", emailHash)
                .query((rs, n) -> new LoginAttempts(
                        rs.getInt("attempts"),
                        SqlTimes.instant(rs, "window_started_at"),
                        rs.getInt("lockouts"),
                        SqlTimes.instant(rs, "locked_until")))
                .single();
    }

    public void save(byte[] emailHash, LoginAttempts attempts, Instant now) {
        jdbc.sql("""
                        update login_throttle
                           set attempts = :attempts, window_started_at = :windowStart, lockouts = :lockouts,
                               locked_until = :lockedUntil, updated_at = :now
                         where email_hash = :key
                        """)
                .param("key", emailHash)
                .param("attempts", attempts.attempts())
                .param("windowStart", SqlTimes.utc(attempts.windowStartedAt()))
                .param("lockouts", attempts.lockouts())
                .param("lockedUntil", SqlTimes.utc(attempts.lockedUntil()))
                .param("now", SqlTimes.utc(now))
                .update();
    }

    public void delete(byte[] emailHash) {
        jdbc.sql("delete from login_throttle where email_hash = :key")
                .param("key", emailHash)
                .update();
    }

    /** Deletes the records quiet since before the cutoff whose lock-out (if any) ended before it too. */
    public int purgeIdleBefore(Instant cutoff) {
        return jdbc.sql("""
                        delete from login_throttle
                         where updated_at < :cutoff and (locked_until is null or locked_until < :cutoff)
                        """).param("cutoff", SqlTimes.utc(cutoff)).update();
    }
}
