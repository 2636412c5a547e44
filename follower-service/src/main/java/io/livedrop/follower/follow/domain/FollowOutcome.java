package io.livedrop.follower.follow.domain;

/** The edge after a follow request, and whether this request created it (else it already existed). */
public record FollowOutcome(FollowEdge edge, boolean created) {}
