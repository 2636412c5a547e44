package io.livedrop.auth.token.application;

import io.livedrop.auth.token.domain.IssuedToken;
import io.livedrop.auth.token.domain.SigningKey;
import io.livedrop.common.security.Scopes;
import io.livedrop.common.security.SecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs the three kinds of tokens of docs/INTERNAL-API.md with the current key: RS256, {@code kid}
 * header, {@code iss} = {@code JWT_ISSUER}, {@code sub}, {@code aud}, {@code scope}, {@code iat},
 * {@code exp}, {@code jti}.
 */
@Component
public class TokenService {

    private final SigningKeyService keys;
    private final String issuer;
    private final AuthProperties properties;
    private final Clock clock;

    public TokenService(SigningKeyService keys, SecurityProperties security, AuthProperties properties, Clock clock) {
        this.keys = keys;
        this.issuer = security.issuer();
        this.properties = properties;
        this.clock = clock;
    }

    /** A user's access token: {@code aud} livedrop-api, {@code scope} user. */
    public IssuedToken accessToken(UUID userId) {
        return issue(userId.toString(), Scopes.API_AUDIENCE, Scopes.USER, properties.accessTokenTtl(), clock.instant());
    }

    /** A token only the realtime endpoints accept: {@code aud} livedrop-realtime, {@code scope} realtime. */
    public IssuedToken realtimeToken(UUID userId) {
        return issue(
                userId.toString(),
                Scopes.REALTIME_AUDIENCE,
                Scopes.REALTIME,
                properties.realtimeTokenTtl(),
                clock.instant());
    }

    /**
     * A service credential for other services' {@code /internal/**}: {@code aud} livedrop-api, {@code
     * scope} the given {@code internal:*} scopes, space-separated.
     */
    public IssuedToken serviceToken(String clientId, Collection<String> scopes) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a service token needs at least one scope");
        }
        return issue(
                clientId, Scopes.API_AUDIENCE, String.join(" ", scopes), properties.serviceTokenTtl(), clock.instant());
    }

    /** Any token, issued at any time (tests use it for expired tokens). */
    public IssuedToken issue(String subject, String audience, String scope, Duration ttl, Instant issuedAt) {
        Instant iat = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        Instant exp = iat.plus(ttl);
        SigningKey key = keys.current();
        JwsHeader header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.kid()).build();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .audience(List.of(audience))
                .claim("scope", scope)
                .issuedAt(iat)
                .expiresAt(exp)
                .id(UUID.randomUUID().toString())
                .build();
        String value =
                key.encoder().encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(value, ttl.toSeconds(), exp);
    }
}
