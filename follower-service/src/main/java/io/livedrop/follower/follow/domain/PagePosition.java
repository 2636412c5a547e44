package io.livedrop.follower.follow.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a keyset page ends: the {@code followed_at} of its last edge and, for ties, the id on the
 * other side of it (the follower on a followers page, the creator on a following page).
 */
public record PagePosition(Instant followedAt, UUID id) {}
