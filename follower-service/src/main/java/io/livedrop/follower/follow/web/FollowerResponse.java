package io.livedrop.follower.follow.web;

import io.livedrop.follower.follow.domain.FollowEdge;
import java.time.Instant;

/** One entry of a creator's followers page. */
record FollowerResponse(String userId, Instant followedAt) {

    static FollowerResponse of(FollowEdge edge) {
        return new FollowerResponse(edge.userId().toString(), edge.followedAt());
    }
}
