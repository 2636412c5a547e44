package io.livedrop.follower.follow.web;

import io.livedrop.follower.follow.domain.FollowEdge;
import java.util.List;

/** The caller's edges among the creators asked ({@code GET /api/follows?creatorIds=}); not followed → absent. */
record FollowBatchResponse(List<FollowResponse> items) {

    static FollowBatchResponse of(List<FollowEdge> edges) {
        return new FollowBatchResponse(edges.stream().map(FollowResponse::of).toList());
    }
}
