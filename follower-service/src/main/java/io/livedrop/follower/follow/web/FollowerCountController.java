package io.livedrop.follower.follow.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.follower.follow.application.FollowService;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * INTERNAL-API.md: a creator's follower count for other services (service token). A well-formed id
 * nobody follows, or that this service has not heard of yet, counts 0.
 */
@RestController
class FollowerCountController {

    private final FollowService follows;

    FollowerCountController(FollowService follows) {
        this.follows = follows;
    }

    @GetMapping("/internal/follows/creators/{creatorId}/count")
    FollowerCountResponse count(@PathVariable String creatorId) {
        UUID id = Ids.parse(creatorId)
                .orElseThrow(() -> new ApiException(ErrorCode.CREATOR_NOT_FOUND, "No creator with this id"));
        return new FollowerCountResponse(id.toString(), follows.followerCount(id));
    }
}
