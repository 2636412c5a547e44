package io.livedrop.notification.realtime;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.security.JwtDecoders;
import io.livedrop.common.security.Scopes;
import io.livedrop.common.security.SecurityProperties;
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
 */
@Component
public class RealtimeTokens {

    private final JwtDecoder decoder;

    RealtimeTokens(SecurityProperties security) {
        this.decoder = JwtDecoders.forAudience(security, Scopes.REALTIME_AUDIENCE);
    }

    /** @return the user the token was issued to; 401 {@code UNAUTHENTICATED} otherwise */
    public String userIdOf(String token) {
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
                || jwt.getSubject().isBlank()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "This token is not a realtime token");
        }
        return jwt.getSubject();
    }

    private static boolean hasRealtimeScope(Object scope) {
        return switch (scope) {
            case String scopes -> Arrays.asList(scopes.split(" ")).contains(Scopes.REALTIME);
            case Collection<?> scopes -> scopes.contains(Scopes.REALTIME);
            case null, default -> false;
        };
    }
}
