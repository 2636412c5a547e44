package io.livedrop.follower.follow.web;

import java.time.Instant;

/** {@code followedAt} is null (and present) when the caller does not follow the creator. */
record FollowCheckResponse(boolean following, Instant followedAt) {}
