package io.livedrop.auth.user.web;

import io.livedrop.auth.user.domain.UserAccount;
import java.time.Instant;

/** {@code GET /api/users/me}, and the {@code user} of every sign-in response. */
public record UserResponse(String id, String email, String name, Instant createdAt, boolean creator) {

    public static UserResponse of(UserAccount user) {
        return new UserResponse(user.id().toString(), user.email(), user.name(), user.createdAt(), user.creator());
    }
}
