package io.livedrop.auth.token.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token lifetimes, password hashing cost, service clients and signing-key policy of auth-service. The
 * environment variables that set them are mapped in {@code application.yml}.
 *
 * @param accessTokenTtl lifetime of a user access token ({@code ACCESS_TOKEN_TTL})
 * @param refreshTokenTtl lifetime of each refresh token ({@code REFRESH_TOKEN_TTL})
 * @param sessionMaxLifetime absolute lifetime of a refresh-token family from its sign-in or sign-up:
 *     no refresh token of it lives longer, however often it is refreshed ({@code SESSION_MAX_LIFETIME})
 * @param realtimeTokenTtl lifetime of a realtime token, at most 5 minutes ({@code REALTIME_TOKEN_TTL})
 * @param serviceTokenTtl lifetime of a service token ({@code SERVICE_TOKEN_TTL})
 * @param bcryptCost bcrypt work factor ({@code PASSWORD_BCRYPT_COST})
 * @param serviceClients {@code client_id:secret,...} allowed at {@code /oauth2/token} ({@code SERVICE_CLIENTS})
 * @param serviceClientScopes the scopes each client may obtain, {@code client_id=scope scope,...}
 *     ({@code SERVICE_CLIENT_SCOPES}); a client without an entry gets no token
 * @param refreshTokenPurgeInterval how often expired refresh tokens (and idle sign-in throttle
 *     records) are deleted
 * @param loginThrottle per-account back-off of failed sign-ins
 */
@Validated
@ConfigurationProperties("livedrop.auth")
public record AuthProperties(
        @DefaultValue("PT15M") @NotNull Duration accessTokenTtl,
        @DefaultValue("P30D") @NotNull Duration refreshTokenTtl,
        @DefaultValue("P30D") @NotNull Duration sessionMaxLifetime,
        @DefaultValue("PT5M") @NotNull Duration realtimeTokenTtl,
        @DefaultValue("PT5M") @NotNull Duration serviceTokenTtl,
        @DefaultValue("10") @Min(4) @Max(31) int bcryptCost,
        @NotBlank String serviceClients,
        @DefaultValue("") String serviceClientScopes,
        @DefaultValue @Valid Keys keys,
        @DefaultValue("PT1H") @NotNull Duration refreshTokenPurgeInterval,
        @DefaultValue @Valid LoginThrottle loginThrottle) {

    /** The realtime endpoints promise clients a token of at most five minutes (API.md). */
    public static final Duration MAX_REALTIME_TOKEN_TTL = Duration.ofMinutes(5);

    /** Resource servers accept tokens up to this long after {@code exp} (Spring Security's default skew). */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    public AuthProperties {
        requirePositive("access-token-ttl", accessTokenTtl);
        requirePositive("refresh-token-ttl", refreshTokenTtl);
        requirePositive("session-max-lifetime", sessionMaxLifetime);
        requirePositive("realtime-token-ttl", realtimeTokenTtl);
        requirePositive("service-token-ttl", serviceTokenTtl);
        if (realtimeTokenTtl != null && realtimeTokenTtl.compareTo(MAX_REALTIME_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException("livedrop.auth.realtime-token-ttl must be at most 5 minutes");
        }
        if (keys != null && accessTokenTtl != null && realtimeTokenTtl != null && serviceTokenTtl != null) {
            Duration longestToken = Stream.of(accessTokenTtl, realtimeTokenTtl, serviceTokenTtl)
                    .max(Duration::compareTo)
                    .orElseThrow();
            if (keys.retiredKeyRetention().compareTo(longestToken.plus(CLOCK_SKEW)) < 0) {
                throw new IllegalArgumentException("livedrop.auth.keys.retired-key-retention must cover the longest"
                        + " token lifetime plus one minute of clock skew (" + longestToken.plus(CLOCK_SKEW) + ")");
            }
        }
    }

    /**
     * @param encryptionSecret encrypts private keys at rest ({@code SIGNING_KEY_SECRET})
     * @param rotationInterval age of the newest key at which a new one is created
     * @param activationDelay how long a scheduled new key is published before it signs
     * @param retiredKeyRetention how long a replaced key stays published
     * @param reloadInterval how often an instance re-reads the keys from the database
     * @param rotationCheckInterval how often an instance checks whether a rotation is due
     */
    public record Keys(
            @DefaultValue("local-dev-signing-key-secret-change-me") @NotBlank
            String encryptionSecret,

            @DefaultValue("P30D") @NotNull Duration rotationInterval,
            @DefaultValue("PT5M") @NotNull Duration activationDelay,
            @DefaultValue("PT1H") @NotNull Duration retiredKeyRetention,
            @DefaultValue("PT30S") @NotNull Duration reloadInterval,
            @DefaultValue("PT10M") @NotNull Duration rotationCheckInterval) {

        public static final String LOCAL_DEV_SECRET = "local-dev-signing-key-secret-change-me";

        public Keys {
            requirePositive("keys.rotation-interval", rotationInterval);
            requirePositive("keys.reload-interval", reloadInterval);
            requirePositive("keys.rotation-check-interval", rotationCheckInterval);
            requirePositive("keys.retired-key-retention", retiredKeyRetention);
            if (activationDelay != null && reloadInterval != null && activationDelay.compareTo(reloadInterval) <= 0) {
                throw new IllegalArgumentException("livedrop.auth.keys.activation-delay must exceed reload-interval, so"
                        + " that every instance publishes a new key before any instance signs with it");
            }
        }
    }

    /**
     * Per-account back-off of sign-ins: after {@code maxFailures} unsuccessful attempts of one email
     * within {@code window}, that email is refused (429) for {@code baseDelay}, doubling with each
     * further lock-out up to {@code maxDelay}; a successful sign-in resets it.
     *
     * @param maxFailures unsuccessful attempts allowed per window ({@code LOGIN_THROTTLE_MAX_FAILURES})
     * @param window the period they are counted in ({@code LOGIN_THROTTLE_WINDOW})
     * @param baseDelay the first lock-out ({@code LOGIN_THROTTLE_BASE_DELAY})
     * @param maxDelay the longest lock-out ({@code LOGIN_THROTTLE_MAX_DELAY})
     * @param retention how long an email's record (and so its lock-out count) is kept after its last
     *     attempt; must exceed the longest lock-out ({@code LOGIN_THROTTLE_RETENTION})
     */
    public record LoginThrottle(
            @DefaultValue("5") @Min(1) int maxFailures,
            @DefaultValue("PT15M") @NotNull Duration window,
            @DefaultValue("PT1M") @NotNull Duration baseDelay,
            @DefaultValue("PT1H") @NotNull Duration maxDelay,
            @DefaultValue("P1D") @NotNull Duration retention) {

        public LoginThrottle {
            requirePositive("login-throttle.window", window);
            requirePositive("login-throttle.base-delay", baseDelay);
            requirePositive("login-throttle.retention", retention);
            if (baseDelay != null && maxDelay != null && maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException(
                        "livedrop.auth.login-throttle.max-delay must be at least base-delay");
            }
            if (maxDelay != null && retention != null && retention.compareTo(maxDelay) <= 0) {
                throw new IllegalArgumentException("livedrop.auth.login-throttle.retention must exceed max-delay,"
                        + " or lock-outs would be forgotten before they end");
            }
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("livedrop.auth." + name + " must be positive");
        }
    }
}
