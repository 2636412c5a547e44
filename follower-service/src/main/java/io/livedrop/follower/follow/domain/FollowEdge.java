package io.livedrop.follower.follow.domain;

import java.time.Instant;
import java.util.UUID;

/** A user following a creator since {@code followedAt}. */
public record FollowEdge(UUID creatorId, UUID userId, Instant followedAt) {}
