package io.livedrop.auth.session.web;

import io.livedrop.auth.session.domain.Session;
import io.livedrop.auth.user.web.UserResponse;

/** Register, login and refresh: {@code {user, accessToken, refreshToken, tokenType, expiresIn}}. */
record SessionResponse(UserResponse user, String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static SessionResponse of(Session session) {
        return new SessionResponse(
                UserResponse.of(session.user()),
                session.accessToken().value(),
                session.refreshToken(),
                "Bearer",
                session.accessToken().expiresIn());
    }
}
