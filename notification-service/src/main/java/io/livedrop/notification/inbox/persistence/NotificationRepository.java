package io.livedrop.notification.inbox.persistence;

import io.livedrop.common.jdbc.SqlTimes;
import io.livedrop.notification.inbox.domain.Audience;
import io.livedrop.notification.inbox.domain.NotificationDraft;
import io.livedrop.notification.inbox.domain.StoredNotification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stored notifications of the service: buyers' inboxes and creators' broadcast logs, sharing
 * one id space.
 *
 * <p><b>Ids are commit-ordered.</b> A storing transaction takes its ids by updating the single row of
 * {@code notification_sequence} and holds that row lock until it commits, so the transaction that
 * got id N committed before any transaction got an id above N. A reader that sees N therefore also
 * sees every smaller id, and "everything after my last id" ({@code id > :after}) never skips a row
 * that commits late. Ids are also time based ({@code >=} the database clock in microseconds), so a
 * follow time converts into the first id its follower may see ({@link io.livedrop.notification.inbox.domain.NotificationIds#floorOf}).
 *
 * <p><b>Storage is idempotent by event id.</b> Every instance consumes every event; the first one to
 * commit assigns the id, the others find the row (or wait on the sequence lock, then hit the unique
 * event id) and store nothing.
 */
@Repository
public class NotificationRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public NotificationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Stores the drafts whose events are not stored yet, in list order; must run inside the caller's
     * transaction (the sequence lock is held until it commits).
     *
     * @return how many were new
     */
    public int store(List<NotificationDraft> drafts) {
        if (drafts.isEmpty()) {
            return 0;
        }
        requireIngestingTransaction();
        Collection<NotificationDraft> fresh = notStoredYet(drafts);
        if (fresh.isEmpty()) {
            return 0;
        }
        // the lock is taken as late as possible: from here to commit, other storers wait
        Rows rows = numbered(fresh, reserveIds(fresh.size()));
        return insertIntoInboxes(rows.personal()) + insertIntoCreatorLogs(rows.broadcasts());
    }

    /** Rows to insert, numbered in list order, split by the table they go to. */
    private record Rows(List<MapSqlParameterSource> personal, List<MapSqlParameterSource> broadcasts) {}

    private static void requireIngestingTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("notifications are stored inside the ingesting transaction");
        }
    }

    /** The first draft of each event, in list order, minus the events already stored. */
    private Collection<NotificationDraft> notStoredYet(List<NotificationDraft> drafts) {
        Map<UUID, NotificationDraft> byEvent = new LinkedHashMap<>();
        drafts.forEach(draft -> byEvent.putIfAbsent(draft.eventId(), draft));
        byEvent.keySet().removeAll(alreadyStored(byEvent.keySet()));
        return byEvent.values();
    }

    /**
     * Takes {@code count} ids by moving the sequence row, whose lock is then held until commit (see
     * the class comment).
     *
     * @return the first of them
     */
    private long reserveIds(int count) {
        long lastId = jdbc.sql("""
                        update notification_sequence
                           set last_id = greatest(last_id + :count,
                                                  floor(extract(epoch from clock_timestamp()) * 1000000)::bigint)
                         where singleton
                        returning last_id
                        """).param("count", count).query(Long.class).single();
        return lastId - count + 1;
    }

    private static Rows numbered(Collection<NotificationDraft> drafts, long firstId) {
        long nextId = firstId;
        var rows = new Rows(new ArrayList<>(), new ArrayList<>());
        for (NotificationDraft draft : drafts) {
            var row = new MapSqlParameterSource()
                    .addValue("id", nextId++)
                    .addValue("eventId", draft.eventId())
                    .addValue("recipient", draft.recipient())
                    .addValue("dropId", draft.dropId())
                    .addValue("type", draft.type())
                    .addValue("eventTime", SqlTimes.utc(draft.eventTime()))
                    .addValue("data", draft.dataJson());
            (draft.audience() == Audience.PERSONAL ? rows.personal() : rows.broadcasts()).add(row);
        }
        return rows;
    }

    /** @return how many were new */
    private int insertIntoInboxes(List<MapSqlParameterSource> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return sum(batch.batchUpdate("""
                insert into inbox_notification (id, event_id, user_id, type, event_time, data)
                values (:id, :eventId, :recipient, :type, :eventTime, cast(:data as jsonb))
                on conflict (event_id) do nothing
                """, rows.toArray(MapSqlParameterSource[]::new)));
    }

    /** @return how many were new */
    private int insertIntoCreatorLogs(List<MapSqlParameterSource> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return sum(batch.batchUpdate("""
                insert into creator_broadcast (id, event_id, creator_id, drop_id, type, event_time, data)
                values (:id, :eventId, :recipient, :dropId, :type, :eventTime, cast(:data as jsonb))
                on conflict (event_id) do nothing
                """, rows.toArray(MapSqlParameterSource[]::new)));
    }

    /** The highest id handed out by a committed transaction: every id up to it is readable. */
    public long head() {
        return jdbc.sql("select last_id from notification_sequence where singleton")
                .query(Long.class)
                .single();
    }

    /** Everything stored after {@code afterId}, oldest first: what the tailer hands to connections. */
    public List<StoredNotification> readAfter(long afterId, int limit) {
        return jdbc.sql("""
                        select id, 'PERSONAL' as audience, user_id as recipient, type, event_time, data::text as data
                          from inbox_notification where id > :after
                        union all
                        select id, 'BROADCAST', creator_id, type, event_time, data::text
                          from creator_broadcast where id > :after
                        order by id
                        limit :limit
                        """)
                .param("after", afterId)
                .param("limit", limit)
                .query(NotificationRepository::stored)
                .list();
    }

    /**
     * What a user is entitled to after {@code afterId}, oldest first: their inbox and the broadcasts
     * of the creators they follow, from the moment they followed. One index range scan on the inbox
     * and one per followed creator, each stopping after {@code limit} rows.
     */
    public List<StoredNotification> replayFor(String userId, long afterId, int limit) {
        return jdbc.sql("""
                        with page as (
                            select id, personal from (
                                (select i.id, true as personal
                                   from inbox_notification i
                                  where i.user_id = :userId and i.id > :after
                                  order by i.id
                                  limit :limit)
                                union all
                                (select b.id, false
                                   from follow_edge f
                                   cross join lateral (
                                        select b.id from creator_broadcast b
                                         where b.creator_id = f.creator_id
                                           and b.id > greatest(:after, f.visible_from_id - 1)
                                         order by b.id
                                         limit :limit) b
                                  where f.user_id = :userId and f.following)
                            ) merged
                            order by id
                            limit :limit
                        )
                        select p.id,
                               case when p.personal then 'PERSONAL' else 'BROADCAST' end as audience,
                               coalesce(i.user_id, b.creator_id) as recipient,
                               coalesce(i.type, b.type) as type,
                               coalesce(i.event_time, b.event_time) as event_time,
                               coalesce(i.data, b.data)::text as data
                          from page p
                          left join inbox_notification i on p.personal and i.id = p.id
                          left join creator_broadcast b on not p.personal and b.id = p.id
                         order by p.id
                        """)
                .param("userId", userId)
                .param("after", afterId)
                .param("limit", limit)
                .query(NotificationRepository::stored)
                .list();
    }

    /** Deletes notifications older than {@code cutoff} (read markers of broadcasts go with them). */
    public int purgeOlderThan(Instant cutoff) {
        var at = SqlTimes.utc(cutoff);
        return jdbc.sql("delete from inbox_notification where event_time < :cutoff")
                        .param("cutoff", at)
                        .update()
                + jdbc.sql("delete from creator_broadcast where event_time < :cutoff")
                        .param("cutoff", at)
                        .update();
    }

    private Set<UUID> alreadyStored(Set<UUID> eventIds) {
        return new HashSet<>(jdbc.sql("""
                        select event_id from inbox_notification where event_id in (:ids)
                        union all
                        select event_id from creator_broadcast where event_id in (:ids)
                        """)
                .param("ids", List.copyOf(eventIds))
                .query(UUID.class)
                .list());
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += Math.max(count, 0);
        }
        return total;
    }

    static StoredNotification stored(ResultSet rs, int row) throws SQLException {
        return new StoredNotification(
                rs.getLong("id"),
                Audience.valueOf(rs.getString("audience")),
                rs.getString("recipient"),
                rs.getString("type"),
                rs.getObject("event_time", OffsetDateTime.class).toInstant(),
                rs.getString("data"));
    }
}
