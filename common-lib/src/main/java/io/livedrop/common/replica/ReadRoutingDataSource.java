package io.livedrop.common.replica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands out replica connections to reads marked with {@link ReadReplica} / {@link ReplicaRead} while
 * {@link ReplicaLag} finds the replica usable, and primary connections to everything else. Sits behind
 * a {@code LazyConnectionDataSourceProxy}, so a transaction takes its connection at its first
 * statement, when the transaction's read-only flag is known.
 *
 * <p>A write cannot reach the replica: a write transaction (not read-only) always gets the primary,
 * even inside marked work; a bare statement that writes in marked work gets a replica connection that
 * is read-only (Hikari {@code readOnly}, pgjdbc {@code readOnlyMode=always}) on a hot standby, which
 * both refuse it (SQLSTATE 25006).
 */
final class ReadRoutingDataSource extends AbstractRoutingDataSource {

    enum Target {
        PRIMARY,
        REPLICA,
        PRIMARY_FALLBACK
    }

    private final DataSource primary;
    private final DataSource replica;
    private final ReplicaLag lag;
    private final Counter replicaReads;
    private final Counter fallbackReads;

    ReadRoutingDataSource(DataSource primary, DataSource replica, ReplicaLag lag, MeterRegistry meters) {
        this.primary = primary;
        this.replica = replica;
        this.lag = lag;
        this.replicaReads = reads(meters, "replica");
        this.fallbackReads = reads(meters, "primary-fallback");
        setTargetDataSources(
                Map.of(Target.PRIMARY, primary, Target.REPLICA, replica, Target.PRIMARY_FALLBACK, primary));
        setDefaultTargetDataSource(primary);
        setLenientFallback(false);
        afterPropertiesSet();
    }

    private static Counter reads(MeterRegistry meters, String target) {
        return Counter.builder("livedrop.db.replica.reads")
                .description("Connections taken for reads marked for the replica, by where they went")
                .tag("target", target)
                .register(meters);
    }

    @Override
    protected Object determineCurrentLookupKey() {
        if (!ReadReplica.requested() || writeTransactionActive()) {
            return Target.PRIMARY;
        }
        return lag.usable() ? Target.REPLICA : Target.PRIMARY_FALLBACK;
    }

    private static boolean writeTransactionActive() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Target target = (Target) determineCurrentLookupKey();
        if (target == Target.REPLICA) {
            try {
                Connection connection = replica.getConnection();
                replicaReads.increment();
                ReadReplica.usedReplica(lag);
                return connection;
            } catch (SQLException e) {
                // went down since the last check: this read and the next ones use the primary
                lag.markUnreachable(e);
                target = Target.PRIMARY_FALLBACK;
            }
        }
        if (target == Target.PRIMARY_FALLBACK) {
            fallbackReads.increment();
        }
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    /*
     * Unwrapping answers for the primary only. Spring Boot's health check and pool metrics unwrap the
     * application's DataSource: they must see the primary pool, not a routing data source whose
     * replica would take the service out of readiness while the replica is down (reads then simply
     * use the primary).
     */
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return primary.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return primary.isWrapperFor(type);
    }
}
