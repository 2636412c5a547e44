package io.livedrop.auth.user.web;

import io.livedrop.auth.user.application.UserService;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    /** A valid token whose user no longer exists identifies nobody: 401, so the client signs in again. */
    @GetMapping("/me")
    UserResponse me(@Parameter(hidden = true) AuthenticatedUser user) {
        return Ids.parse(user.id())
                .flatMap(users::findById)
                .map(UserResponse::of)
                .orElseThrow(
                        () -> new ApiException(ErrorCode.UNAUTHENTICATED, "The account of this token does not exist"));
    }

    @GetMapping("/{id}")
    PublicUserResponse byId(@PathVariable String id) {
        return Ids.parse(id)
                .flatMap(users::findById)
                .map(PublicUserResponse::of)
                .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "No user with id " + id));
    }
}
