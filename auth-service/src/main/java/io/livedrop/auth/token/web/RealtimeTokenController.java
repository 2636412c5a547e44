package io.livedrop.auth.token.web;

import io.livedrop.auth.token.application.TokenService;
import io.livedrop.auth.token.domain.IssuedToken;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A short-lived token for {@code /ws} and {@code /api/realtime/sse}, where browsers cannot send an
 * {@code Authorization} header and the token travels in the URL: its own audience keeps it useless
 * for the rest of the API if it leaks from a log.
 */
@RestController
class RealtimeTokenController {

    private final TokenService tokens;

    RealtimeTokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    record RealtimeTokenResponse(String token, long expiresIn) {}

    @GetMapping("/api/realtime/token")
    ResponseEntity<RealtimeTokenResponse> token(@Parameter(hidden = true) AuthenticatedUser user) {
        var userId = Ids.parse(user.id())
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "The token does not name a user"));
        IssuedToken token = tokens.realtimeToken(userId);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new RealtimeTokenResponse(token.value(), token.expiresIn()));
    }
}
