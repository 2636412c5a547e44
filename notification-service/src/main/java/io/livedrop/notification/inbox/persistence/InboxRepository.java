package io.livedrop.notification.inbox.persistence;

import io.livedrop.common.jdbc.SqlTimes;
import io.livedrop.notification.inbox.domain.InboxEntry;
import io.livedrop.notification.inbox.domain.ReadMarker;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@code GET /api/notifications} and the read endpoints.
 *
 * <p>A user's list is their inbox merged with the broadcasts of every creator they follow, each
 * from the creator's {@code visible_from_id} (their follow time as an id) on, newest first. The
 * merge never materialises a per-user feed: it is one range scan on the inbox index plus, per
 * followed creator, one range scan on {@code (creator_id, id)} that stops after {@code limit} rows
 * (a {@code LATERAL} top-N), and a final top-N over those at most {@code (1 + F) * limit} rows.
 * Cost grows with the number of creators followed (F index probes), not with anybody's follower
 * count nor with how far back the page is.
 *
 * <p>Read state: an inbox row has its own {@code read_at}; a broadcast is read for a user when it
 * is at or below their read-all watermark or has a {@code broadcast_read} row (written when they
 * read that one notification, never at broadcast time).
 */
@Repository
public class InboxRepository {

    private final JdbcClient jdbc;

    public InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ReadMarker marker(String userId, Duration recent) {
        return jdbc.sql("""
                        select read_through_id,
                               coalesce(last_write_at > clock_timestamp() - cast(:recent as interval), false) as recent
                          from read_marker where user_id = :userId
                        """)
                .param("userId", userId)
                .param("recent", recent.toMillis() + " milliseconds")
                .query((rs, n) -> new ReadMarker(rs.getLong("read_through_id"), rs.getBoolean("recent")))
                .optional()
                .orElse(new ReadMarker(0, false));
    }

    /** Notes a change of the user's read state (see {@link ReadMarker#wroteRecently()}). */
    public void noteWrite(String userId, Instant now) {
        jdbc.sql("""
                        insert into read_marker (user_id, read_through_id, updated_at, last_write_at)
                        values (:userId, 0, :now, clock_timestamp())
                        on conflict (user_id) do update set last_write_at = excluded.last_write_at
                        """).param("userId", userId).param("now", SqlTimes.utc(now)).update();
    }

    /**
     * Up to {@code limit} notifications with an id below {@code beforeId}, newest first. Two steps:
     * the page's ids come from index-only scans ({@code (user_id, id)} and {@code (creator_id, id)});
     * only the rows of the final page are then read from the tables.
     */
    public List<InboxEntry> page(String userId, long beforeId, long readThrough, int limit) {
        return jdbc.sql(PAGE)
                .param("userId", userId)
                .param("before", beforeId)
                .param("readThrough", readThrough)
                .param("limit", limit)
                .query(InboxRepository::entry)
                .list();
    }

    /**
     * Step one of {@link #page}: the ids of the page, newest first, from one range scan of the
     * user's inbox and one top-N per followed creator (from the follow on), merged.
     */
    private static final String PAGE_IDS = """
            select id, personal from (
                (select i.id, true as personal
                   from inbox_notification i
                  where i.user_id = :userId and i.id < :before
                  order by i.id desc
                  limit :limit)
                union all
                (select b.id, false
                   from follow_edge f
                   cross join lateral (
                        select b.id from creator_broadcast b
                         where b.creator_id = f.creator_id
                           and b.id >= f.visible_from_id
                           and b.id < :before
                         order by b.id desc
                         limit :limit) b
                  where f.user_id = :userId and f.following)
            ) merged
            order by id desc
            limit :limit
            """;

    /** Step two of {@link #page}: only the page's rows are read from the tables, with their read state. */
    private static final String PAGE_ROWS_WITH_READ_STATE = """
            select p.id,
                   coalesce(i.type, b.type) as type,
                   coalesce(i.event_time, b.event_time) as event_time,
                   coalesce(i.data, b.data)::text as data,
                   (i.read_at is not null
                       or p.id <= :readThrough
                       or (not p.personal and exists (
                              select 1 from broadcast_read r
                               where r.user_id = :userId and r.notification_id = p.id))) as read
              from page p
              left join inbox_notification i on p.personal and i.id = p.id
              left join creator_broadcast b on not p.personal and b.id = p.id
             order by p.id desc
            """;

    private static final String PAGE = "with page as (\n" + PAGE_IDS + ")\n" + PAGE_ROWS_WITH_READ_STATE;

    private static InboxEntry entry(ResultSet rs, int row) throws SQLException {
        return new InboxEntry(
                rs.getLong("id"),
                rs.getString("type"),
                rs.getObject("event_time", OffsetDateTime.class).toInstant(),
                rs.getBoolean("read"),
                rs.getString("data"));
    }

    /** Unread inbox rows plus unread broadcasts the user is entitled to, all after the watermark. */
    public long unreadCount(String userId, long readThrough) {
        return jdbc.sql("""
                        select (select count(*) from inbox_notification i
                                 where i.user_id = :userId and i.id > :readThrough and i.read_at is null)
                             + (select count(*)
                                  from follow_edge f
                                  join creator_broadcast b
                                    on b.creator_id = f.creator_id
                                   and b.id >= f.visible_from_id
                                   and b.id > :readThrough
                                 where f.user_id = :userId and f.following
                                   and not exists (select 1 from broadcast_read r
                                                    where r.user_id = :userId and r.notification_id = b.id))
                        """)
                .param("userId", userId)
                .param("readThrough", readThrough)
                .query(Long.class)
                .single();
    }

    /** @return whether the id is one of the user's inbox notifications */
    public boolean markInboxRead(String userId, long id, Instant now) {
        return jdbc.sql("""
                        update inbox_notification set read_at = coalesce(read_at, :now)
                         where id = :id and user_id = :userId
                        """)
                        .param("id", id)
                        .param("userId", userId)
                        .param("now", SqlTimes.utc(now))
                        .update()
                == 1;
    }

    /** @return whether the id is a broadcast the user is entitled to (following, since they followed) */
    public boolean markBroadcastRead(String userId, long id, Instant now) {
        boolean entitled = jdbc.sql("""
                        select exists (
                            select 1 from creator_broadcast b
                              join follow_edge f
                                on f.creator_id = b.creator_id and f.user_id = :userId
                               and f.following and b.id >= f.visible_from_id
                             where b.id = :id)
                        """)
                .param("id", id)
                .param("userId", userId)
                .query(Boolean.class)
                .single();
        if (entitled) {
            jdbc.sql("""
                    insert into broadcast_read (user_id, notification_id, read_at) values (:userId, :id, :now)
                    on conflict do nothing
                    """)
                    .param("userId", userId)
                    .param("id", id)
                    .param("now", SqlTimes.utc(now))
                    .update();
        }
        return entitled;
    }

    /**
     * Moves the watermark to the newest committed id (O(1), whatever the number of notifications);
     * the single-read rows it now covers are no longer needed.
     */
    public void readAll(String userId, Instant now) {
        long watermark = jdbc.sql("""
                        insert into read_marker (user_id, read_through_id, updated_at, last_write_at)
                        select :userId, last_id, :now, clock_timestamp() from notification_sequence where singleton
                        on conflict (user_id) do update
                           set read_through_id = greatest(read_marker.read_through_id, excluded.read_through_id),
                               updated_at = excluded.updated_at,
                               last_write_at = excluded.last_write_at
                        returning read_through_id
                        """)
                .param("userId", userId)
                .param("now", SqlTimes.utc(now))
                .query(Long.class)
                .single();
        jdbc.sql("delete from broadcast_read where user_id = :userId and notification_id <= :watermark")
                .param("userId", userId)
                .param("watermark", watermark)
                .update();
    }
}
