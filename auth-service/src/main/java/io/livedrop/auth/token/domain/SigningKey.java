package io.livedrop.auth.token.domain;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/**
 * One RS256 key pair as loaded from the database, with the window in which it signs.
 *
 * @param kid the {@code kid} header of the tokens it signs
 * @param jwk the key pair
 * @param activatesAt when it starts signing (it is published from the moment it exists)
 * @param retiredAt when its successor starts signing, or null while it has none
 * @param encoder signs tokens with this key
 */
public record SigningKey(String kid, RSAKey jwk, Instant activatesAt, Instant retiredAt, JwtEncoder encoder) {

    public boolean signsAt(Instant now) {
        return !activatesAt.isAfter(now) && (retiredAt == null || now.isBefore(retiredAt));
    }

    /** Upcoming and current keys, and replaced ones whose tokens may still be valid. */
    public boolean publishedAt(Instant now, Duration retiredKeyRetention) {
        return retiredAt == null || retiredAt.plus(retiredKeyRetention).isAfter(now);
    }

    public RSAKey publicJwk() {
        return jwk.toPublicJWK();
    }
}
