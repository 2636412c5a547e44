package io.livedrop.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens this process has already verified (signature, issuer, audience, expiry), by their exact
 * text. A client sends the same access token with every request for its whole lifetime, and checking
 * an RS256 signature and parsing the claims again each time was a fifth of the CPU of a cheap request.
 * Only a token that passed every check is remembered; it is forgotten at its {@code exp} (minus the
 * validators' clock skew is not granted again) and after {@code maxAge} at the latest, so a key
 * withdrawn from the JWKS stops being honoured within {@code maxAge}.
 */
public final class VerifiedTokens {

    private final Cache<String, Jwt> verified;
    private final Clock clock;

    public VerifiedTokens(long maximumSize, Duration maxAge, Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, maxAge)))
                .build();
    }

    /** The verified token, while it has not expired. */
    public Optional<Jwt> find(String token) {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null || isExpired(jwt)) {
            return Optional.empty();
        }
        return Optional.of(jwt);
    }

    public Jwt remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() != null && !isExpired(jwt)) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private boolean isExpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || !clock.instant().isBefore(expiresAt);
    }

    private Duration lifetime(Jwt jwt, Duration maxAge) {
        Duration untilExpiry = Duration.between(clock.instant(), jwt.getExpiresAt());
        if (untilExpiry.isNegative()) {
            return Duration.ZERO;
        }
        return untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
    }
}
