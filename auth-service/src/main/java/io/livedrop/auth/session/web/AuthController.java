package io.livedrop.auth.session.web;

import io.livedrop.auth.session.application.SessionService;
import io.livedrop.auth.session.domain.Session;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Responses that carry tokens are never cached (RFC 6749 §5.1). */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final SessionService sessions;

    AuthController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/register")
    ResponseEntity<SessionResponse> register(@Valid @RequestBody RegisterRequest body) {
        Session session = sessions.register(body.email(), body.password(), body.name());
        return ResponseEntity.created(URI.create("/api/users/" + session.user().id()))
                .cacheControl(CacheControl.noStore())
                .body(SessionResponse.of(session));
    }

    @PostMapping("/login")
    ResponseEntity<SessionResponse> login(@Valid @RequestBody LoginRequest body) {
        return noStore(SessionResponse.of(sessions.login(body.email(), body.password())));
    }

    @PostMapping("/refresh")
    ResponseEntity<SessionResponse> refresh(@Valid @RequestBody RefreshTokenRequest body) {
        return noStore(SessionResponse.of(sessions.refresh(body.refreshToken())));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Parameter(hidden = true) AuthenticatedUser user, @Valid @RequestBody RefreshTokenRequest body) {
        var userId = Ids.parse(user.id())
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "The token does not name a user"));
        sessions.logout(userId, body.refreshToken());
    }

    private static ResponseEntity<SessionResponse> noStore(SessionResponse body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
