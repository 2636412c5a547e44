package io.livedrop.catalog.drop.persistence;

import io.livedrop.common.events.DropStarted;
import io.livedrop.common.jdbc.SqlTimes;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lifecycle's view of the drops table: which starts and ends are due and not fired yet, claimed
 * with {@code for update skip locked} so that racing instances never claim the same row, and the
 * marks that they fired.
 */
public class DropLifecycleRepository {

    private final JdbcClient jdbc;

    public DropLifecycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The earliest start or end that has not fired yet (null: nothing scheduled). */
    public Instant nextDue() {
        // always one row, whose value is null when nothing is scheduled: single() would refuse it
        return jdbc.sql("""
                        select least((select min(starts_at) from drops where started_fired_at is null),
                                     (select min(ends_at) from drops where ended_fired_at is null)) as due
                        """)
                .query((rs, n) -> SqlTimes.instant(rs, "due"))
                .list()
                .getFirst();
    }

    /** Up to {@code batchSize} drops due to start at {@code now}, locked; others' locked rows are skipped. */
    public List<DropStarted> claimDueStarts(Instant now, int batchSize) {
        return jdbc.sql("""
                        select d.id, d.product_id, d.creator_id, p.title, d.starts_at, d.ends_at, d.available
                        from drops d join product p on p.id = d.product_id
                        where d.started_fired_at is null and d.starts_at <= :now
                        order by d.starts_at
                        limit :batch
                        for update of d skip locked
                        """)
                .param("now", SqlTimes.utc(now))
                .param("batch", batchSize)
                .query((rs, n) -> new DropStarted(
                        rs.getString("id"),
                        rs.getString("product_id"),
                        rs.getString("creator_id"),
                        rs.getString("title"),
                        SqlTimes.instant(rs, "starts_at"),
                        SqlTimes.instant(rs, "ends_at"),
                        rs.getInt("available")))
                .list();
    }

    /** Up to {@code batchSize} started drops due to end at {@code now}, locked, as ids. */
    public List<String> claimDueEnds(Instant now, int batchSize) {
        return jdbc.sql("""
                        select d.id::text from drops d
                        where d.ended_fired_at is null and d.started_fired_at is not null and d.ends_at <= :now
                        order by d.ends_at
                        limit :batch
                        for update skip locked
                        """)
                .param("now", SqlTimes.utc(now))
                .param("batch", batchSize)
                .query(String.class)
                .list();
    }

    public void markStarted(List<String> ids, Instant now) {
        markFired("started_fired_at", ids, now);
    }

    public void markEnded(List<String> ids, Instant now) {
        markFired("ended_fired_at", ids, now);
    }

    private void markFired(String column, List<String> ids, Instant now) {
        jdbc.sql("update drops set " + column + " = :now where id = any(cast(:ids as uuid[]))")
                .param("now", SqlTimes.utc(now))
                .param("ids", ids.toArray(String[]::new))
                .update();
    }
}
