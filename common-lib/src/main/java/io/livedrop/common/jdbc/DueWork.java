package io.livedrop.common.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table whose rows carry their own pending work: {@code work_due_at} says when a row needs a look
 * (null: none). Several instances take turns through {@link #claim}.
 */
public final class DueWork {

    private DueWork() {}

    /** {@link #claim(JdbcClient, String, String, Instant, Instant, int)} over all rows of {@code table}. */
    public static List<UUID> claim(JdbcClient jdbc, String table, Instant now, Instant claimedUntil, int limit) {
        return claim(jdbc, table, "true", now, claimedUntil, limit);
    }

    /**
     * Picks at most {@code limit} rows of {@code table} matching {@code condition} whose work is due at
     * {@code now} (earliest first, rows locked by others skipped) and moves their due time to {@code
     * claimedUntil}, so other instances (and the next round) leave them alone while this one works on
     * them. {@code table} and {@code condition} are the caller's SQL (constants, never input).
     */
    public static List<UUID> claim(
            JdbcClient jdbc, String table, String condition, Instant now, Instant claimedUntil, int limit) {
        return jdbc.sql("""
                        update %1$s set work_due_at = :claimedUntil
                        where id in (
                          select id from %1$s
                          where (%2$s) and work_due_at <= :now
                          order by work_due_at
                          limit :limit
                          for update skip locked)
                        returning id
                        """.formatted(table, condition))
                .param("claimedUntil", SqlTimes.utc(claimedUntil))
                .param("now", SqlTimes.utc(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }
}
