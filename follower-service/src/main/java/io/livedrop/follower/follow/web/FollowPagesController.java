package io.livedrop.follower.follow.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.pagination.Page;
import io.livedrop.common.security.AuthenticatedUser;
import io.livedrop.follower.follow.application.FollowPageService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A creator's followers and a user's followed creators: each list is visible to its owner only. */
@RestController
class FollowPagesController {

    private final FollowPageService pages;

    FollowPagesController(FollowPageService pages) {
        this.pages = pages;
    }

    @GetMapping("/api/creators/{id}/followers")
    Page<FollowerResponse> followers(
            AuthenticatedUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        if (!Callers.isCaller(user, id)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the creator can see their followers");
        }
        return pages.followersOf(Callers.idOf(user), limit, cursor).map(FollowerResponse::of);
    }

    @GetMapping("/api/users/{id}/following")
    Page<FollowingResponse> following(
            AuthenticatedUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        if (!Callers.isCaller(user, id)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the user can see whom they follow");
        }
        return pages.followedBy(Callers.idOf(user), limit, cursor).map(FollowingResponse::of);
    }
}
