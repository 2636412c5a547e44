package io.livedrop.follower.follow.persistence;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Follower counts as {@value #SHARDS} counter rows per creator ({@code follower_count_shard}), changed
 * in the transaction of the edge change and summed on read. The shard is picked by the follower, so
 * concurrent follows of one celebrity queue on 16 rows instead of one, and an unfollow always
 * decrements the shard its follow incremented.
 */
@Repository
public class FollowerCountRepository {

    /** Fixed by the schema ({@code follower_count_shard_in_range}); changing it needs a migration and a recount. */
    public static final int SHARDS = 16;

    private final JdbcClient jdbc;

    public FollowerCountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The follower's shard: the lowest bits of the user id, which are random in a UUIDv7 (in SQL:
     * {@code ('x' || right(user_id::text, 1))::bit(4)::int}).
     */
    public static int shardOf(UUID userId) {
        return (int) (userId.getLeastSignificantBits() & (SHARDS - 1));
    }

    public void increment(UUID creatorId, UUID userId) {
        jdbc.sql("""
                insert into follower_count_shard (creator_id, shard, followers)
                values (:creatorId, :shard, 1)
                on conflict (creator_id, shard)
                do update set followers = follower_count_shard.followers + 1
                """)
                .param("creatorId", creatorId)
                .param("shard", shardOf(userId))
                .update();
    }

    public void decrement(UUID creatorId, UUID userId) {
        int updated = jdbc.sql("""
                        update follower_count_shard set followers = followers - 1
                        where creator_id = :creatorId and shard = :shard
                        """)
                .param("creatorId", creatorId)
                .param("shard", shardOf(userId))
                .update();
        if (updated != 1) {
            // the edge existed, so its follow incremented this shard: a missing row is a bug, not input
            throw new IllegalStateException("no follower counter shard for creator " + creatorId);
        }
    }

    public long count(UUID creatorId) {
        return jdbc.sql("select coalesce(sum(followers), 0) from follower_count_shard where creator_id = :creatorId")
                .param("creatorId", creatorId)
                .query(Long.class)
                .single();
    }
}
