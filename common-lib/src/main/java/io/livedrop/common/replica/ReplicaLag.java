package io.livedrop.common.replica;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The replica's lag, measured on the replica once per {@code checkInterval} by one background thread
 * (a query per check, not per read). The replica is usable while its last check succeeded recently and
 * found it at most {@code maxLag} behind.
 *
 * <p>Lag is 0 when everything received has been replayed, else the age of the last replayed commit.
 * A replica that received WAL but has replayed no commit yet has no such age: its lag counts as
 * unknown, that is too large. After an idle spell the first new commit shows briefly as a large lag
 * (the last replayed commit is old) and sends reads to the primary for one check: the cautious error.
 */
public final class ReplicaLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReplicaLag.class);

    static final String LAG_QUERY = """
            select case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                        else extract(epoch from now() - pg_last_xact_replay_timestamp()) end
            """;

    /** A check older than this many intervals means the checker itself is stuck: do not trust it. */
    private static final int STALE_AFTER_INTERVALS = 3;

    private final DataSource replica;
    private final Duration maxLag;
    private final Duration checkInterval;
    private final ScheduledExecutorService checker;
    private volatile Sample last = Sample.unreachable(0);

    ReplicaLag(DataSource replica, Duration maxLag, Duration checkInterval, MeterRegistry meters) {
        this.replica = replica;
        this.maxLag = maxLag;
        this.checkInterval = checkInterval;
        this.checker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("replica-lag").daemon().factory());
        Gauge.builder("livedrop.db.replica.lag", this, ReplicaLag::lagSeconds)
                .baseUnit("seconds")
                .description("Replication lag of the read replica (NaN while it cannot be measured)")
                .register(meters);
        Gauge.builder("livedrop.db.replica.usable", this, lag -> lag.usable() ? 1 : 0)
                .description("1 while reads marked for the replica go to it, 0 while they fall back to the primary")
                .register(meters);
    }

    void start() {
        checker.scheduleWithFixedDelay(this::check, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether marked reads may go to the replica now. */
    public boolean usable() {
        Sample sample = last;
        return sample.reachable()
                && sample.lagSeconds() <= maxLag.toMillis() / 1000.0
                && System.nanoTime() - sample.checkedAtNanos() < STALE_AFTER_INTERVALS * checkInterval.toNanos();
    }

    /** The last measured lag in seconds; NaN while the replica does not answer. */
    public double lagSeconds() {
        Sample sample = last;
        return sample.reachable() ? sample.lagSeconds() : Double.NaN;
    }

    /** A read could not get a replica connection: stop sending reads there until a check succeeds. */
    void markUnreachable(SQLException cause) {
        if (last.reachable()) {
            log.warn("Read replica unreachable, reads go to the primary: {}", cause.getMessage());
        }
        last = Sample.unreachable(System.nanoTime());
    }

    /** Measures once now (the background thread does this every interval). */
    void check() {
        boolean wasUsable = usable();
        try (Connection connection = replica.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, checkInterval.toSeconds() * 2));
            try (ResultSet rs = statement.executeQuery(LAG_QUERY)) {
                rs.next();
                double lag = rs.getDouble(1);
                last = new Sample(true, rs.wasNull() ? Double.POSITIVE_INFINITY : lag, System.nanoTime());
            }
        } catch (SQLException | RuntimeException e) {
            if (last.reachable()) {
                log.warn("Read replica unreachable, reads go to the primary: {}", e.getMessage());
            }
            last = Sample.unreachable(System.nanoTime());
        }
        if (usable() != wasUsable) {
            log.info("Read replica {} (lag {} s, bound {})", usable() ? "in use" : "not used", lagSeconds(), maxLag);
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }

    private record Sample(boolean reachable, double lagSeconds, long checkedAtNanos) {
        static Sample unreachable(long at) {
            return new Sample(false, Double.NaN, at);
        }
    }
}
