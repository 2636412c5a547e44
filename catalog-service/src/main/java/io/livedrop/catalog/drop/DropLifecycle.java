package io.livedrop.catalog.drop;

import io.livedrop.catalog.cache.AfterCommit;
import io.livedrop.catalog.cache.CatalogCaches;
import io.livedrop.common.events.DropEnded;
import io.livedrop.common.events.DropStarted;
import io.livedrop.common.jdbc.SqlTimes;
import io.livedrop.common.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.IntSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires {@code drop.started} and {@code drop.ended} exactly once per drop, whichever instance gets
 * there first, also late after an outage: due drops are claimed with {@code for update skip locked}
 * and marked fired in the same transaction that writes the event to the outbox. An instance that
 * crashes mid-way rolls back both; a second instance skips the rows the first one holds.
 *
 * <p>A drop whose whole window was missed gets both events, drop.started first; consumers can tell
 * from {@code endsAt} that it is already over.
 */
public class DropLifecycle {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final CatalogCaches caches;
    private final DropChangeSignals signals;
    private final Clock clock;
    private final int batchSize;

    public DropLifecycle(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Outbox outbox,
            CatalogCaches caches,
            DropChangeSignals signals,
            Clock clock,
            int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.caches = caches;
        this.signals = signals;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Fires everything due now; returns the number of events written. */
    public int fireDue() {
        int fired = 0;
        int batch;
        do {
            batch = inTransaction(this::fireDueStarts);
            fired += batch;
        } while (batch == batchSize);
        do {
            batch = inTransaction(this::fireDueEnds);
            fired += batch;
        } while (batch == batchSize);
        return fired;
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

    private int fireDueStarts() {
        Instant now = now();
        List<DropStarted> due = jdbc.sql("""
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
        if (due.isEmpty()) {
            return 0;
        }
        for (DropStarted started : due) {
            outbox.publish(DropStarted.TOPIC, started.dropId(), started);
        }
        List<String> ids = due.stream().map(DropStarted::dropId).toList();
        markFired("started_fired_at", ids, now);
        return due.size();
    }

    private int fireDueEnds() {
        Instant now = now();
        List<String> due = jdbc.sql("""
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
        if (due.isEmpty()) {
            return 0;
        }
        for (String dropId : due) {
            outbox.publish(DropEnded.TOPIC, dropId, new DropEnded(dropId));
        }
        markFired("ended_fired_at", due, now);
        return due.size();
    }

    private void markFired(String column, List<String> ids, Instant now) {
        jdbc.sql("update drops set " + column + " = :now where id = any(cast(:ids as uuid[]))")
                .param("now", SqlTimes.utc(now))
                .param("ids", ids.toArray(String[]::new))
                .update();
        AfterCommit.run(() -> {
            caches.drops().evictAll(ids);
            signals.changed(ids);
        });
    }

    private int inTransaction(IntSupplier work) {
        Integer fired = transactions.execute(status -> work.getAsInt());
        return fired == null ? 0 : fired;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
