package io.livedrop.follower.follow.web;

import io.livedrop.follower.follow.domain.FollowEdge;
import java.time.Instant;

/** One entry of a user's following page. */
record FollowingItem(String creatorId, Instant followedAt) {

    static FollowingItem of(FollowEdge edge) {
        return new FollowingItem(edge.creatorId().toString(), edge.followedAt());
    }
}
