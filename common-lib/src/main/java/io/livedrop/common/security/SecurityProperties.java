package io.livedrop.common.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service validates tokens: auth-service's JWKS, the expected issuer and audience.
 *
 * @param jwksUri where auth-service publishes its signing keys
 * @param issuer the {@code iss} every token must carry
 * @param jwksTimeout connect and read timeout of one JWKS fetch. Spring's default (Nimbus's 500 ms)
 *     turned valid tokens into errors while auth-service was busy under load
 * @param verifiedTokenCacheSize how many verified tokens a process remembers ({@link VerifiedTokens})
 * @param verifiedTokenMaxAge how long at most a verified token is honoured without checking it again
 * @param internalScope the scope a service token needs for this service's {@code /internal/**}
 *     ({@link Scopes}, e.g. {@code internal:inventory}); unset in a service without an internal API,
 *     whose {@code /internal/**} then refuses every token (403)
 */
@Validated
@ConfigurationProperties("livedrop.security")
public record SecurityProperties(
        @DefaultValue("http://localhost:8081/.well-known/jwks.json")
        String jwksUri,

        @DefaultValue("livedrop-auth") String issuer,

        @DefaultValue("5s") Duration jwksTimeout,

        @DefaultValue("100000") long verifiedTokenCacheSize,

        @DefaultValue("5m") Duration verifiedTokenMaxAge,

        String internalScope) {

    /** Properties with the default token cache, for code that builds decoders by hand (tests). */
    public static SecurityProperties of(String jwksUri, String issuer, Duration jwksTimeout) {
        return new SecurityProperties(jwksUri, issuer, jwksTimeout, 100_000, Duration.ofMinutes(5), null);
    }

    /** The scope this service's {@code /internal/**} requires, if it has an internal API. */
    public Optional<String> internalScopeIfAny() {
        return internalScope == null || internalScope.isBlank() ? Optional.empty() : Optional.of(internalScope.strip());
    }

    public VerifiedTokens verifiedTokens() {
        return new VerifiedTokens(verifiedTokenCacheSize, verifiedTokenMaxAge, Clock.systemUTC());
    }
}
