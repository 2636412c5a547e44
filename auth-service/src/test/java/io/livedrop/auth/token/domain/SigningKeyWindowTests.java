package io.livedrop.auth.token.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a key signs and how long it stays in the JWKS. */
class SigningKeyWindowTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(1);

    @Test
    void aKeySignsFromItsActivationUntilItsSuccessorActivates() {
        var key = key(T0, T0.plus(Duration.ofDays(30)));

        assertThat(key.signsAt(T0.minusSeconds(1))).isFalse();
        assertThat(key.signsAt(T0)).isTrue();
        assertThat(key.signsAt(T0.plus(Duration.ofDays(30)).minusSeconds(1))).isTrue();
        assertThat(key.signsAt(T0.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void upcomingAndCurrentKeysArePublished() {
        assertThat(key(T0, null).publishedAt(T0.minusSeconds(60), RETENTION)).isTrue();
        assertThat(key(T0, null).publishedAt(T0.plus(Duration.ofDays(400)), RETENTION))
                .isTrue();
    }

    @Test
    void aReplacedKeyIsPublishedForTheRetentionPeriod() {
        Instant retired = T0.plus(Duration.ofDays(30));
        var key = key(T0, retired);

        assertThat(key.publishedAt(retired.plus(RETENTION).minusSeconds(1), RETENTION))
                .isTrue();
        assertThat(key.publishedAt(retired.plus(RETENTION), RETENTION)).isFalse();
    }

    private static SigningKey key(Instant activatesAt, Instant retiredAt) {
        return new SigningKey("kid", null, activatesAt, retiredAt, null);
    }
}
