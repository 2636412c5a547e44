package io.livedrop.notification.follow.persistence;

import io.livedrop.common.jdbc.SqlTimes;
import io.livedrop.notification.follow.domain.FollowedCreator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * This service's replica of follower-service's edges, kept from follow.created / follow.deleted (no
 * synchronous call to follower-service). Changes apply last-writer-wins by event time, so replays,
 * redeliveries and several instances writing the same change all converge; an unfollow stays as a
 * tombstone until it is old enough that no older follow can still arrive.
 */
@Repository
public class FollowEdgeRepository {

    private final JdbcClient jdbc;

    public FollowEdgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param visibleFromId the first notification id the follower sees from the creator (the follow
     *     time as an id), kept while they stay following
     */
    public void follow(String userId, String creatorId, Instant at, long visibleFromId) {
        jdbc.sql("""
                insert into follow_edge (user_id, creator_id, following, followed_at, visible_from_id, changed_at)
                values (:userId, :creatorId, true, :at, :visibleFromId, :at)
                on conflict (user_id, creator_id) do update
                   set following = true,
                       followed_at = case when follow_edge.following then follow_edge.followed_at
                                          else excluded.followed_at end,
                       visible_from_id = case when follow_edge.following then follow_edge.visible_from_id
                                              else excluded.visible_from_id end,
                       changed_at = excluded.changed_at
                 where follow_edge.changed_at < excluded.changed_at
                """)
                .param("userId", userId)
                .param("creatorId", creatorId)
                .param("at", SqlTimes.utc(at))
                .param("visibleFromId", visibleFromId)
                .update();
    }

    public void unfollow(String userId, String creatorId, Instant at, long visibleFromId) {
        jdbc.sql("""
                insert into follow_edge (user_id, creator_id, following, followed_at, visible_from_id, changed_at)
                values (:userId, :creatorId, false, :at, :visibleFromId, :at)
                on conflict (user_id, creator_id) do update
                   set following = false,
                       changed_at = excluded.changed_at
                 where follow_edge.changed_at < excluded.changed_at
                """)
                .param("userId", userId)
                .param("creatorId", creatorId)
                .param("at", SqlTimes.utc(at))
                .param("visibleFromId", visibleFromId)
                .update();
    }

    /** Everyone a user follows, in one query: what a new connection subscribes to. */
    public List<FollowedCreator> followedBy(String userId) {
        return jdbc.sql("""
                        select creator_id, visible_from_id, changed_at
                          from follow_edge
                         where user_id = :userId and following
                        """)
                .param("userId", userId)
                .query((rs, n) -> new FollowedCreator(
                        rs.getString("creator_id"),
                        rs.getLong("visible_from_id"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public int purgeTombstonesOlderThan(Instant cutoff) {
        return jdbc.sql("delete from follow_edge where not following and changed_at < :cutoff")
                .param("cutoff", SqlTimes.utc(cutoff))
                .update();
    }
}
