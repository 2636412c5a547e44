package io.livedrop.catalog.browse.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.security.AuthenticatedUser;
import java.util.UUID;

/** The signed-in user's id as a UUID (auth-service issues UUIDv7 subjects). */
public final class UserIds {

    private UserIds() {}

    public static UUID of(AuthenticatedUser user) {
        return Ids.parse(user.id())
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN, "The token's subject is not a user id"));
    }
}
