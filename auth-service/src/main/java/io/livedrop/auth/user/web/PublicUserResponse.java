package io.livedrop.auth.user.web;

import io.livedrop.auth.user.domain.UserAccount;
import java.time.Instant;

/** {@code GET /api/users/{id}}: what anyone may see of a user (no email). */
record PublicUserResponse(String id, String name, Instant createdAt) {

    static PublicUserResponse of(UserAccount user) {
        return new PublicUserResponse(user.id().toString(), user.name(), user.createdAt());
    }
}
