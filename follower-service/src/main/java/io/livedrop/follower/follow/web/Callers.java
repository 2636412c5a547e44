package io.livedrop.follower.follow.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.security.AuthenticatedUser;
import java.util.UUID;

/** The signed-in user's id as the UUID the follow tables hold. */
final class Callers {

    private Callers() {}

    static UUID idOf(AuthenticatedUser user) {
        // auth-service issues UUIDv7 subjects; a token with another subject cannot own follow edges
        return Ids.parse(user.id())
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN, "This account cannot follow creators"));
    }

    /** Whether a path id names the caller (ids compared as UUIDs, so letter case does not matter). */
    static boolean isCaller(AuthenticatedUser user, String pathId) {
        return Ids.parse(pathId).map(id -> id.equals(idOf(user))).orElse(false);
    }
}
