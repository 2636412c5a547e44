package io.livedrop.notification.drop.persistence;

import io.livedrop.common.jdbc.SqlTimes;
import io.livedrop.notification.drop.domain.PendingBroadcast;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * stock.low / sold_out events whose drop this service does not know yet (its drop.scheduled is
 * still on the way): parked here instead of being retried into the dead-letter topic, and turned
 * into broadcasts when the drop's summary arrives.
 */
@Repository
public class PendingBroadcastRepository {

    private final JdbcClient jdbc;

    public PendingBroadcastRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void park(PendingBroadcast pending) {
        jdbc.sql("""
                insert into pending_broadcast (event_id, drop_id, type, event_time, available)
                values (:eventId, :dropId, :type, :eventTime, :available)
                on conflict (event_id) do nothing
                """)
                .param("eventId", pending.eventId())
                .param("dropId", pending.dropId())
                .param("type", pending.type())
                .param("eventTime", SqlTimes.utc(pending.eventTime()))
                .param("available", pending.available())
                .update();
    }

    /** Removes and returns what waited for this drop (a concurrent taker waits, then finds nothing). */
    public List<PendingBroadcast> takeFor(String dropId) {
        return jdbc.sql("""
                        delete from pending_broadcast where drop_id = :dropId
                        returning event_id, drop_id, type, event_time, available
                        """)
                .param("dropId", dropId)
                .query((rs, n) -> new PendingBroadcast(
                        rs.getObject("event_id", UUID.class),
                        rs.getString("drop_id"),
                        rs.getString("type"),
                        rs.getObject("event_time", OffsetDateTime.class).toInstant(),
                        rs.getInt("available")))
                .list();
    }

    /** Drops that have both pending broadcasts and, by now, a summary (a summary that raced its park). */
    public List<String> resolvableDrops(int limit) {
        return jdbc.sql("""
                        select distinct p.drop_id from pending_broadcast p
                          join drop_summary d on d.drop_id = p.drop_id
                         limit :limit
                        """).param("limit", limit).query(String.class).list();
    }

    public int purgeOlderThan(Instant cutoff) {
        return jdbc.sql("delete from pending_broadcast where received_at < :cutoff")
                .param("cutoff", SqlTimes.utc(cutoff))
                .update();
    }
}
