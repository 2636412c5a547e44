package io.livedrop.follower.follow.web;

import io.livedrop.follower.follow.domain.FollowEdge;
import java.time.Instant;

/** One entry of a user's following page. */
record FollowingResponse(String creatorId, Instant followedAt) {

    static FollowingResponse of(FollowEdge edge) {
        return new FollowingResponse(edge.creatorId().toString(), edge.followedAt());
    }
}
