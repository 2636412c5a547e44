package io.livedrop.follower.follow.web;

import io.livedrop.follower.follow.domain.FollowEdge;
import java.time.Instant;

/** One entry of a creator's followers page. */
record FollowerItem(String userId, Instant followedAt) {

    static FollowerItem of(FollowEdge edge) {
        return new FollowerItem(edge.userId().toString(), edge.followedAt());
    }
}
