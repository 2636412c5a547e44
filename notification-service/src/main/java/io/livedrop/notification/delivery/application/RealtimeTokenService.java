package io.livedrop.notification.delivery.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.security.JwtDecoders;
import io.livedrop.common.security.Scopes;
import io.livedrop.common.security.SecurityProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code ?token=} of {@code /ws} and {@code /api/realtime/sse}: only a realtime token
 * (audience {@code livedrop-realtime}, scope {@code realtime}, from auth-service's
 * {@code GET /api/realtime/token}) opens a stream; an access token does not. The reverse — a
 * realtime token used as a bearer token anywhere else — is refused by common-lib's resource server,
 * whose decoder wants the API audience. This decoder is deliberately not a {@link JwtDecoder} bean:
 * one would replace that shared decoder. A token that cannot be checked because auth-service's keys
 * cannot be fetched is answered 503, not 401.
 *
 * <p>A stream lives only as long as its token: the connection is closed at the token's {@code exp}
 * (the client reconnects with a fresh token and its last event id). So a token past its {@code exp}
 * opens nothing, even within the clock skew the decoder tolerates: it would be closed at once.
 */
@Component
public class RealtimeTokenService {

    /** Who a valid realtime token speaks for, and until when. */
    public record Identity(String userId, Instant expiresAt) {}

    private final JwtDecoder decoder;
    private final Clock clock;

    RealtimeTokenService(SecurityProperties security, Clock clock) {
        this.decoder = JwtDecoders.forAudience(security, Scopes.REALTIME_AUDIENCE);
        this.clock = clock;
    }

    /** @return the user the token was issued to and its expiry; 401 {@code UNAUTHENTICATED} otherwise */
    public Identity check(String token) {
        if (token == null || token.isBlank()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "A realtime token is required (?token=)");
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (BadJwtException invalid) {
            throw new ApiException(
                    ErrorCode.UNAUTHENTICATED,
                    "The realtime token is invalid or expired; get a new one from /api/realtime/token");
        } catch (JwtException cannotCheck) {
            // auth-service's keys could not be fetched: nothing is known about the token, so no 401
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE, "Tokens cannot be validated right now; connect again shortly");
        }
        if (!hasRealtimeScope(jwt.getClaim("scope"))
                || jwt.getSubject() == null
                || jwt.getSubject().isBlank()
                || jwt.getExpiresAt() == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "This token is not a realtime token");
        }
        if (!jwt.getExpiresAt().isAfter(clock.instant())) {
            throw new ApiException(
                    ErrorCode.UNAUTHENTICATED,
                    "The realtime token has expired; get a new one from /api/realtime/token");
        }
        return new Identity(jwt.getSubject(), jwt.getExpiresAt());
    }

    private static boolean hasRealtimeScope(Object scope) {
        return switch (scope) {
            case String scopes -> Arrays.asList(scopes.split(" ")).contains(Scopes.REALTIME);
            case Collection<?> scopes -> scopes.contains(Scopes.REALTIME);
            case null, default -> false;
        };
    }
}
