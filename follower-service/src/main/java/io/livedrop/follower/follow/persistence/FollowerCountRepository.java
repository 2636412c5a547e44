package io.livedrop.follower.follow.persistence;

import io.livedrop.follower.follow.domain.FollowerCountShard;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Follower counts as {@value FollowerCountShard#SHARDS} counter rows per creator ({@code
 * follower_count_shard}), changed in the transaction of the edge change and summed on read; the row a
 * follower changes is {@link FollowerCountShard#of}.
 */
@Repository
public class FollowerCountRepository {

    private final JdbcClient jdbc;

    public FollowerCountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void increment(UUID creatorId, UUID userId) {
        jdbc.sql("""
                insert into follower_count_shard (creator_id, shard, followers)
                values (:creatorId, :shard, 1)
                on conflict (creator_id, shard)
                do update set followers = follower_count_shard.followers + 1
                """)
                .param("creatorId", creatorId)
                .param("shard", FollowerCountShard.of(userId))
                .update();
    }

    public void decrement(UUID creatorId, UUID userId) {
        int updated = jdbc.sql("""
                        update follower_count_shard set followers = followers - 1
                        where creator_id = :creatorId and shard = :shard
                        """)
                .param("creatorId", creatorId)
                .param("shard", FollowerCountShard.of(userId))
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
