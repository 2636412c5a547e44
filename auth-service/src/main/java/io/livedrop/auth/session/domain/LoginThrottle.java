package io.livedrop.auth.session.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of the per-account back-off of sign-ins: after {@code maxFailures} attempts of one
 * email within {@code window} that did not succeed, further sign-ins of that email are refused for
 * {@code baseDelay}, then twice as long after the next round of failures, and so on up to {@code
 * maxDelay}. Attempts are counted when they are admitted, before the password is checked (see
 * LoginThrottleService for why, and for where the state is kept).
 *
 * @param maxFailures unsuccessful attempts allowed per window
 * @param window the period they are counted in
 * @param baseDelay the first lock-out
 * @param maxDelay the longest lock-out
 */
public record LoginThrottle(int maxFailures, Duration window, Duration baseDelay, Duration maxDelay) {

    /** What one sign-in attempt of an email meets, and the email's record afterwards. */
    public sealed interface Decision {

        /** The email is still locked out for {@code remaining}: nothing changes. */
        record StillLocked(Duration remaining) implements Decision {}

        /** This attempt exceeds the allowance: the email is locked out for {@code lockout} from now. */
        record LockedOut(Duration lockout, int failures, LoginAttempts next) implements Decision {}

        /** The attempt may check its password; it is counted in {@code next}. */
        record Admitted(LoginAttempts next) implements Decision {}
    }

    /** Counts an attempt of an email whose record is {@code current}, or refuses it. */
    public Decision admit(LoginAttempts current, Instant now) {
        if (current.lockedUntil() != null && current.lockedUntil().isAfter(now)) {
            return new Decision.StillLocked(Duration.between(now, current.lockedUntil()));
        }
        int attempts = current.attempts();
        Instant windowStart = current.windowStartedAt();
        if (current.lockedUntil() != null || !windowStart.plus(window).isAfter(now)) {
            // a lock-out that has run out, or a window that has: start counting again
            attempts = 0;
            windowStart = now;
        }
        if (attempts >= maxFailures) {
            Duration lockout = lockout(current.lockouts());
            return new Decision.LockedOut(
                    lockout, attempts, new LoginAttempts(0, now, current.lockouts() + 1, now.plus(lockout)));
        }
        return new Decision.Admitted(new LoginAttempts(attempts + 1, windowStart, current.lockouts(), null));
    }

    /** {@code baseDelay · 2^lockouts}, at most {@code maxDelay}. */
    public Duration lockout(int previousLockouts) {
        Duration delay = baseDelay;
        for (int i = 0; i < previousLockouts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
