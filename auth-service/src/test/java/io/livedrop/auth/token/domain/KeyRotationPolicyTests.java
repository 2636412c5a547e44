package io.livedrop.auth.token.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a scheduled rotation is due and when its key signs, without a database. */
class KeyRotationPolicyTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final KeyRotationPolicy POLICY = new KeyRotationPolicy(Duration.ofDays(30), Duration.ofMinutes(5));

    @Test
    void aSuccessorIsDueWhenTheNewestKeyReachesTheRotationInterval() {
        Optional<Instant> newest = Optional.of(T0);

        assertThat(POLICY.isDue(newest, T0.plus(Duration.ofDays(30)).minusNanos(1000)))
                .isFalse();
        assertThat(POLICY.isDue(newest, T0.plus(Duration.ofDays(30)))).isTrue();
        assertThat(POLICY.isDue(newest, T0.plus(Duration.ofDays(45)))).isTrue();
    }

    @Test
    void withoutAnyKeyASuccessorIsDue() {
        assertThat(POLICY.isDue(Optional.empty(), T0)).isTrue();
    }

    @Test
    void aScheduledSuccessorSignsAfterTheActivationDelay() {
        assertThat(POLICY.activationOf(T0)).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }
}
