package io.livedrop.follower.follow.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.security.AuthenticatedUser;
import io.livedrop.common.web.BatchIds;
import io.livedrop.follower.follow.application.FollowService;
import io.livedrop.follower.follow.domain.FollowEdge;
import io.livedrop.follower.follow.domain.FollowOutcome;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Follow, unfollow and check for the signed-in user. A creator id that is not a UUID names no
 * creator: following it is 404 {@code CREATOR_NOT_FOUND}, unfollowing it a no-op 204, checking it
 * {@code following: false}. Checking many at once ({@code GET /api/follows?creatorIds=}) rejects it
 * with 400 instead: there it would just be absent from the answer, hiding the client's mistake.
 */
@RestController
class FollowController {

    private final FollowService follows;

    FollowController(FollowService follows) {
        this.follows = follows;
    }

    @PostMapping("/api/follows")
    ResponseEntity<FollowResponse> follow(AuthenticatedUser user, @Valid @RequestBody FollowRequest request) {
        UUID creatorId = Ids.parse(request.creatorId())
                .orElseThrow(() -> new ApiException(ErrorCode.CREATOR_NOT_FOUND, "No creator with this id"));
        FollowOutcome outcome = follows.follow(Callers.idOf(user), creatorId);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(FollowResponse.of(outcome.edge()));
    }

    @DeleteMapping("/api/follows/{creatorId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unfollow(AuthenticatedUser user, @PathVariable String creatorId) {
        UUID caller = Callers.idOf(user);
        Ids.parse(creatorId).ifPresent(id -> follows.unfollow(caller, id));
    }

    /** The caller's edges among up to 100 creators, so a feed learns "followed?" for all of them in one call. */
    @GetMapping("/api/follows")
    FollowBatchResponse followedAmong(AuthenticatedUser user, @RequestParam(required = false) List<String> creatorIds) {
        UUID caller = Callers.idOf(user);
        List<UUID> asked = BatchIds.parse("creatorIds", creatorIds);
        return FollowBatchResponse.of(
                BatchIds.inAskedOrder(asked, follows.followedAmong(caller, asked), FollowEdge::creatorId));
    }

    @GetMapping("/api/follows/check")
    FollowCheckResponse check(AuthenticatedUser user, @RequestParam String creatorId) {
        UUID caller = Callers.idOf(user);
        return Ids.parse(creatorId)
                .flatMap(id -> follows.followedAt(caller, id))
                .map(followedAt -> new FollowCheckResponse(true, followedAt))
                .orElseGet(() -> new FollowCheckResponse(false, null));
    }
}
