package io.livedrop.auth.session.application;

import io.livedrop.auth.session.domain.LoginThrottle;
import io.livedrop.auth.session.domain.OpaqueTokens;
import io.livedrop.auth.session.persistence.LoginThrottleRepository;
import io.livedrop.auth.token.application.AuthProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-account back-off of sign-ins ({@code login_throttle}): after {@code maxFailures} attempts of one
 * email within {@code window} that did not succeed, further sign-ins of that email are refused (429)
 * for {@code baseDelay}, then twice as long after the next round of failures, and so on up to
 * {@code maxDelay}; a successful sign-in resets everything (the arithmetic: {@link LoginThrottle}).
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
@Service
public class LoginThrottleService {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleService.class);

    private final LoginThrottleRepository repository;
    private final TransactionTemplate transactions;
    private final LoginThrottle throttle;
    private final Duration retention;
    private final Clock clock;

    public LoginThrottleService(
            LoginThrottleRepository repository,
            TransactionTemplate transactions,
            AuthProperties properties,
            Clock clock) {
        AuthProperties.LoginThrottle settings = properties.loginThrottle();
        this.repository = repository;
        this.transactions = transactions;
        this.throttle =
                new LoginThrottle(settings.maxFailures(), settings.window(), settings.baseDelay(), settings.maxDelay());
        this.retention = settings.retention();
        this.clock = clock;
    }

    /**
     * Counts a sign-in attempt of this (normalised) email, or refuses it.
     *
     * @return empty when the attempt may check its password; otherwise how long the email is locked
     */
    public Optional<Duration> admit(String email) {
        byte[] key = OpaqueTokens.hash(email);
        Instant now = clock.instant();
        return transactions.execute(status -> switch (throttle.admit(repository.lock(key, now), now)) {
            case LoginThrottle.Decision.StillLocked locked -> Optional.of(locked.remaining());
            case LoginThrottle.Decision.LockedOut lockedOut -> {
                repository.save(key, lockedOut.next(), now);
                log.info(
                        "Sign-ins of one account locked for {} after {} failures",
                        lockedOut.lockout(),
                        lockedOut.failures());
                yield Optional.of(lockedOut.lockout());
            }
            case LoginThrottle.Decision.Admitted admitted -> {
                repository.save(key, admitted.next(), now);
                yield Optional.<Duration>empty();
            }
        });
    }

    /** The attempt of this email succeeded: failures and lock-outs are forgotten. */
    public void succeeded(String email) {
        repository.delete(OpaqueTokens.hash(email));
    }

    /** Forgets emails that have been quiet for the retention (their lock-out count with them). */
    public void purgeIdle() {
        int purged = repository.purgeIdleBefore(clock.instant().minus(retention));
        if (purged > 0) {
            log.info("Purged {} idle sign-in throttle records", purged);
        }
    }
}
