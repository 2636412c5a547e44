package io.livedrop.follower.follow.domain;

import java.util.UUID;

/**
 * Which of a creator's {@value #SHARDS} follower counter rows a follower's follow and unfollow change.
 * The shard is picked by the follower, so concurrent follows of one celebrity queue on 16 rows instead
 * of one, and an unfollow always decrements the shard its follow incremented.
 */
public final class FollowerCountShard {

    /** Fixed by the schema ({@code follower_count_shard_in_range}); changing it needs a migration and a recount. */
    public static final int SHARDS = 16;

    private FollowerCountShard() {}

    /**
     * The follower's shard: the lowest bits of the user id, which are random in a UUIDv7 (in SQL:
     * {@code ('x' || right(user_id::text, 1))::bit(4)::int}).
     */
    public static int of(UUID userId) {
        return (int) (userId.getLeastSignificantBits() & (SHARDS - 1));
    }
}
