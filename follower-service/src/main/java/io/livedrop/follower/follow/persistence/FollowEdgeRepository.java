package io.livedrop.follower.follow.persistence;

import io.livedrop.common.jdbc.SqlTimes;
import io.livedrop.follower.follow.domain.FollowEdge;
import io.livedrop.follower.follow.domain.PagePosition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The follow edges: {@code follows} (partitioned by creator, the source of truth) and its narrow copy
 * {@code follows_by_user} (partitioned by user, for following pages), always written together in the
 * caller's transaction.
 */
@Repository
public class FollowEdgeRepository {

    /** A creator's newest followers: one partition, a range of {@code follows_by_creator_newest}. */
    public static final String FOLLOWERS_FIRST_PAGE = """
            select creator_id, user_id, followed_at from follows
            where creator_id = :creatorId
            order by followed_at desc, user_id desc
            limit :limit
            """;

    /** The followers after a cursor: the row comparison is an index condition, so no row is skipped over. */
    public static final String FOLLOWERS_PAGE_AFTER = """
            select creator_id, user_id, followed_at from follows
            where creator_id = :creatorId
              and (followed_at, user_id) < (:afterFollowedAt, :afterId)
            order by followed_at desc, user_id desc
            limit :limit
            """;

    public static final String FOLLOWING_FIRST_PAGE = """
            select creator_id, user_id, followed_at from follows_by_user
            where user_id = :userId
            order by followed_at desc, creator_id desc
            limit :limit
            """;

    public static final String FOLLOWING_PAGE_AFTER = """
            select creator_id, user_id, followed_at from follows_by_user
            where user_id = :userId
              and (followed_at, creator_id) < (:afterFollowedAt, :afterId)
            order by followed_at desc, creator_id desc
            limit :limit
            """;

    /**
     * A user's edges among some creators, read from the copy partitioned by user: one partition and
     * its primary key, where {@code follows} would probe the partition of every creator asked.
     */
    public static final String FOLLOWED_AMONG = """
            select creator_id, user_id, followed_at from follows_by_user
            where user_id = :userId and creator_id = any(cast(:creatorIds as uuid[]))
            """;

    private static final RowMapper<FollowEdge> EDGE = (rs, row) -> new FollowEdge(
            rs.getObject("creator_id", UUID.class),
            rs.getObject("user_id", UUID.class),
            SqlTimes.instant(rs, "followed_at"));

    private final JdbcClient jdbc;

    public FollowEdgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the edge unless it exists, stamped with PostgreSQL's clock (the one clock every instance
     * shares). A concurrent insert of the same edge makes this wait for the other transaction and then
     * do nothing: exactly one of them gets the timestamp back.
     *
     * @return the new edge's {@code followed_at}, empty when the edge already existed
     */
    public Optional<Instant> insertIfAbsent(UUID creatorId, UUID userId) {
        Optional<Instant> inserted = jdbc.sql("""
                        insert into follows (creator_id, user_id, followed_at)
                        values (:creatorId, :userId, clock_timestamp())
                        on conflict (creator_id, user_id) do nothing
                        returning followed_at
                        """)
                .param("creatorId", creatorId)
                .param("userId", userId)
                .query((rs, row) -> SqlTimes.instant(rs, "followed_at"))
                .optional();
        inserted.ifPresent(at -> jdbc.sql("""
                        insert into follows_by_user (user_id, creator_id, followed_at)
                        values (:userId, :creatorId, :followedAt)
                        """)
                .param("userId", userId)
                .param("creatorId", creatorId)
                .param("followedAt", SqlTimes.utc(at))
                .update());
        return inserted;
    }

    /**
     * Removes the edge. The removal is stamped with PostgreSQL's clock after the edge was found, so it
     * is always later than the edge's {@code followed_at}, whichever instance created it.
     *
     * @return when the edge was removed, empty when there was none
     */
    public Optional<Instant> delete(UUID creatorId, UUID userId) {
        Optional<Instant> removedAt = jdbc.sql("""
                        delete from follows
                        where creator_id = :creatorId and user_id = :userId
                        returning clock_timestamp() as removed_at
                        """)
                .param("creatorId", creatorId)
                .param("userId", userId)
                .query((rs, row) -> SqlTimes.instant(rs, "removed_at"))
                .optional();
        removedAt.ifPresent(at -> jdbc.sql("""
                        delete from follows_by_user
                        where user_id = :userId and creator_id = :creatorId
                        """)
                .param("userId", userId)
                .param("creatorId", creatorId)
                .update());
        return removedAt;
    }

    public Optional<Instant> followedAt(UUID creatorId, UUID userId) {
        return jdbc.sql("select followed_at from follows where creator_id = :creatorId and user_id = :userId")
                .param("creatorId", creatorId)
                .param("userId", userId)
                .query((rs, row) -> SqlTimes.instant(rs, "followed_at"))
                .optional();
    }

    /** The edges of {@code userId} to any of {@code creatorIds}, in no particular order: one query. */
    public List<FollowEdge> followedAmong(UUID userId, List<UUID> creatorIds) {
        return jdbc.sql(FOLLOWED_AMONG)
                .param("userId", userId)
                .param("creatorIds", creatorIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(EDGE)
                .list();
    }

    /** Up to {@code limit} followers of a creator, newest first, after {@code after} when given. */
    public List<FollowEdge> followers(UUID creatorId, Optional<PagePosition> after, int limit) {
        var statement = jdbc.sql(after.isPresent() ? FOLLOWERS_PAGE_AFTER : FOLLOWERS_FIRST_PAGE)
                .param("creatorId", creatorId)
                .param("limit", limit);
        after.ifPresent(position -> statement
                .param("afterFollowedAt", SqlTimes.utc(position.followedAt()))
                .param("afterId", position.id()));
        return statement.query(EDGE).list();
    }

    /** Up to {@code limit} creators a user follows, newest first, after {@code after} when given. */
    public List<FollowEdge> following(UUID userId, Optional<PagePosition> after, int limit) {
        var statement = jdbc.sql(after.isPresent() ? FOLLOWING_PAGE_AFTER : FOLLOWING_FIRST_PAGE)
                .param("userId", userId)
                .param("limit", limit);
        after.ifPresent(position -> statement
                .param("afterFollowedAt", SqlTimes.utc(position.followedAt()))
                .param("afterId", position.id()));
        return statement.query(EDGE).list();
    }
}
