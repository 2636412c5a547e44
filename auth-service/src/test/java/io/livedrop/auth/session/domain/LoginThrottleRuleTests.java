package io.livedrop.auth.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sign-in back-off's arithmetic without a database (LoginThrottleTests covers it over HTTP). */
class LoginThrottleRuleTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final LoginThrottle THROTTLE =
            new LoginThrottle(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1));

    @Test
    void admitsMaxFailuresAttemptsPerWindowThenLocksOutForTheBaseDelay() {
        LoginAttempts attempts = fresh();
        for (int i = 1; i <= 5; i++) {
            var decision = THROTTLE.admit(attempts, T0.plusSeconds(i));
            assertThat(decision).isInstanceOf(LoginThrottle.Decision.Admitted.class);
            attempts = ((LoginThrottle.Decision.Admitted) decision).next();
            assertThat(attempts.attempts()).isEqualTo(i);
            assertThat(attempts.windowStartedAt()).isEqualTo(T0);
        }

        Instant sixth = T0.plusSeconds(6);
        var lockedOut = (LoginThrottle.Decision.LockedOut) THROTTLE.admit(attempts, sixth);

        assertThat(lockedOut.lockout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(lockedOut.failures()).isEqualTo(5);
        assertThat(lockedOut.next()).isEqualTo(new LoginAttempts(0, sixth, 1, sixth.plus(Duration.ofMinutes(1))));
    }

    @Test
    void aLockedEmailIsRefusedForTheRestOfItsLockOutWithoutAnyChange() {
        var locked = new LoginAttempts(0, T0, 1, T0.plus(Duration.ofMinutes(1)));

        var decision = THROTTLE.admit(locked, T0.plusSeconds(20));

        assertThat(decision).isEqualTo(new LoginThrottle.Decision.StillLocked(Duration.ofSeconds(40)));
    }

    @Test
    void afterALockOutCountingStartsAgainAndTheLockOutCountIsKept() {
        var expired = new LoginAttempts(0, T0, 2, T0.plus(Duration.ofMinutes(2)));
        Instant later = T0.plus(Duration.ofMinutes(2));

        var decision = (LoginThrottle.Decision.Admitted) THROTTLE.admit(expired, later);

        assertThat(decision.next()).isEqualTo(new LoginAttempts(1, later, 2, null));
    }

    @Test
    void failuresOfAnEndedWindowAreForgotten() {
        var fullWindow = new LoginAttempts(5, T0, 0, null);
        Instant windowEnd = T0.plus(Duration.ofMinutes(15));

        assertThat(THROTTLE.admit(fullWindow, windowEnd.minusNanos(1000)))
                .isInstanceOf(LoginThrottle.Decision.LockedOut.class);
        assertThat(THROTTLE.admit(fullWindow, windowEnd))
                .isEqualTo(new LoginThrottle.Decision.Admitted(new LoginAttempts(1, windowEnd, 0, null)));
    }

    @Test
    void lockOutsDoubleUpToTheMaximum() {
        assertThat(THROTTLE.lockout(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(THROTTLE.lockout(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(THROTTLE.lockout(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(THROTTLE.lockout(5)).isEqualTo(Duration.ofMinutes(32));
        assertThat(THROTTLE.lockout(6)).isEqualTo(Duration.ofHours(1));
        assertThat(THROTTLE.lockout(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    private static LoginAttempts fresh() {
        return new LoginAttempts(0, T0, 0, null);
    }
}
