package io.livedrop.auth.token.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a scheduled rotation creates a successor key, and when that successor starts signing: a new key
 * is due when the newest one is {@code rotationInterval} old (or there is none), and it is published
 * {@code activationDelay} before it signs, so every instance and resource server knows it first.
 *
 * @param rotationInterval age of the newest key at which a successor is created
 * @param activationDelay how long a scheduled successor is published before it signs
 */
public record KeyRotationPolicy(Duration rotationInterval, Duration activationDelay) {

    /** Whether a successor is due now, given when the newest key was created (empty: no key at all). */
    public boolean isDue(Optional<Instant> newestCreatedAt, Instant now) {
        return newestCreatedAt
                .map(newest -> !newest.plus(rotationInterval).isAfter(now))
                .orElse(true);
    }

    /** When a successor scheduled now starts signing. */
    public Instant activationOf(Instant scheduledAt) {
        return scheduledAt.plus(activationDelay);
    }
}
