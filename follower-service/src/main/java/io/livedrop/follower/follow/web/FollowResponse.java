package io.livedrop.follower.follow.web;

import io.livedrop.follower.follow.domain.FollowEdge;
import java.time.Instant;

record FollowResponse(String creatorId, String userId, Instant followedAt) {

    static FollowResponse of(FollowEdge edge) {
        return new FollowResponse(edge.creatorId().toString(), edge.userId().toString(), edge.followedAt());
    }
}
