package io.livedrop.auth.session;

import io.livedrop.auth.config.AuthProperties;
import io.livedrop.common.jdbc.SqlTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-account back-off of sign-ins ({@code login_throttle}): after {@code maxFailures} attempts of one
 * email within {@code window} that did not succeed, further sign-ins of that email are refused (429)
 * for {@code baseDelay}, then twice as long after the next round of failures, and so on up to
 * {@code maxDelay}; a successful sign-in resets everything.
 *
 * <p>Attempts are counted when they are <em>admitted</em>, before the password is checked, under the
 * row's lock: concurrent guesses for one email cannot all slip through before the first failure is
 * recorded, so at most {@code maxFailures} passwords per window are ever checked. A success deletes
 * the row. Unknown emails are throttled exactly like registered ones, so a 429 says nothing about
 * whether an account exists, and a refused attempt costs no password hash.
 *
 * <p>State is in PostgreSQL, not Redis: auth-service has no Redis dependency, this is a security
 * control that must not fail open when a cache is away, and the row lock gives the "at most N"
 * guarantee without a script. The cost is one short transaction per sign-in, next to a bcrypt hash
 * of 60–100 ms.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuthProperties.LoginThrottle settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, TransactionTemplate transactions, AuthProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = properties.loginThrottle();
        this.clock = clock;
    }

    /**
     * Counts a sign-in attempt of this (normalised) email, or refuses it.
     *
     * @return empty when the attempt may check its password; otherwise how long the email is locked
     */
    Optional<Duration> admit(String email) {
        byte[] key = OpaqueTokens.hash(email);
        Instant now = now();
        return transactions.execute(status -> {
            jdbc.sql("""
                            insert into login_throttle (email_hash, attempts, window_started_at, lockouts, updated_at)
                            values (:key, 0, :now, 0, :now)
                            on conflict on constraint login_throttle_pk do nothing
                            """).param("key", key).param("now", SqlTimes.utc(now)).update();
            State state = jdbc.sql("""
                            select attempts, window_started_at, lockouts, locked_until
                              from login_throttle where email_hash = :key for update
                            """)
                    .param("key", key)
                    .query((rs, n) -> new State(
                            rs.getInt("attempts"),
                            SqlTimes.instant(rs, "window_started_at"),
                            rs.getInt("lockouts"),
                            SqlTimes.instant(rs, "locked_until")))
                    .single();
            if (state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
                return Optional.of(Duration.between(now, state.lockedUntil()));
            }
            int attempts = state.attempts();
            Instant windowStart = state.windowStartedAt();
            if (state.lockedUntil() != null
                    || !windowStart.plus(settings.window()).isAfter(now)) {
                // a lock-out that has run out, or a window that has: start counting again
                attempts = 0;
                windowStart = now;
            }
            if (attempts >= settings.maxFailures()) {
                Duration lockout = lockout(state.lockouts());
                save(key, 0, now, state.lockouts() + 1, now.plus(lockout), now);
                log.info("Sign-ins of one account locked for {} after {} failures", lockout, attempts);
                return Optional.of(lockout);
            }
            save(key, attempts + 1, windowStart, state.lockouts(), null, now);
            return Optional.<Duration>empty();
        });
    }

    /** The attempt of this email succeeded: failures and lock-outs are forgotten. */
    void succeeded(String email) {
        jdbc.sql("delete from login_throttle where email_hash = :key")
                .param("key", OpaqueTokens.hash(email))
                .update();
    }

    /** Forgets emails that have been quiet for the retention (their lock-out count with them). */
    @Scheduled(
            fixedDelayString = "${livedrop.auth.refresh-token-purge-interval}",
            initialDelayString = "${livedrop.auth.refresh-token-purge-interval}")
    public void purgeIdle() {
        Instant cutoff = now().minus(settings.retention());
        int purged = jdbc.sql("""
                        delete from login_throttle
                         where updated_at < :cutoff and (locked_until is null or locked_until < :cutoff)
                        """).param("cutoff", SqlTimes.utc(cutoff)).update();
        if (purged > 0) {
            log.info("Purged {} idle sign-in throttle records", purged);
        }
    }

    /** {@code baseDelay · 2^lockouts}, at most {@code maxDelay}. */
    Duration lockout(int previousLockouts) {
        Duration delay = settings.baseDelay();
        for (int i = 0; i < previousLockouts && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private void save(byte[] key, int attempts, Instant windowStart, int lockouts, Instant lockedUntil, Instant now) {
        jdbc.sql("""
                        update login_throttle
                           set attempts = :attempts, window_started_at = :windowStart, lockouts = :lockouts,
                               locked_until = :lockedUntil, updated_at = :now
                         where email_hash = :key
                        """)
                .param("key", key)
                .param("attempts", attempts)
                .param("windowStart", SqlTimes.utc(windowStart))
                .param("lockouts", lockouts)
                .param("lockedUntil", SqlTimes.utc(lockedUntil))
                .param("now", SqlTimes.utc(now))
                .update();
    }

    private Instant now() {
        return SqlTimes.truncate(clock.instant());
    }

    private record State(int attempts, Instant windowStartedAt, int lockouts, Instant lockedUntil) {}
}
