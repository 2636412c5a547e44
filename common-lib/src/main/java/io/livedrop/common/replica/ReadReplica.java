package io.livedrop.common.replica;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks work whose reads tolerate replication lag: {@code ReadReplica.read(() -> repository.page(...))}.
 * The mark is per thread; the routing data source reads it when the work takes a connection.
 *
 * <p>Work that starts inside a transaction is not marked: it keeps that transaction's connection, so
 * nothing of a write transaction (and no later statement of an enclosing transaction) can land on the
 * replica. Inside the marked work, a read-only transaction reads from the replica and a write
 * transaction from the primary; see {@link ReadRoutingDataSource}.
 *
 * <p>Marked work must only read: when the replica fails under it (shut down, connection lost, a query
 * cancelled by replay), the work runs once more, on the primary, so the caller gets an answer.
 */
public final class ReadReplica {

    /** Connection lost or refused (class 08), server shutting down (57P01-57P03). */
    private static final Set<String> REPLICA_GONE = Set.of("57P01", "57P02", "57P03");
    /** On a hot standby: a query cancelled because replay had to remove rows it still read. */
    private static final String RECOVERY_CONFLICT = "40001";

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private ReadReplica() {}

    /** Runs {@code work} with its reads routed to the replica while it is usable. */
    public static <T> T read(Supplier<T> work) {
        try {
            return readThrowing(work::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Like {@link #read(Supplier)} for work that may throw anything (the {@link ReplicaRead} advice). */
    static <T> T readThrowing(ThrowingWork<T> work) throws Throwable {
        if (CURRENT.get() != null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.run();
        }
        Scope scope = new Scope();
        CURRENT.set(scope);
        try {
            return work.run();
        } catch (RuntimeException e) {
            SQLException failure = scope.replicaFailure(e);
            if (failure == null) {
                throw e;
            }
            if (!RECOVERY_CONFLICT.equals(failure.getSQLState())) {
                scope.lag.markUnreachable(failure);
            }
            // a read, so it can run again: on the primary while the replica is marked unreachable
            CURRENT.set(new Scope());
            return work.run();
        } finally {
            CURRENT.remove();
        }
    }

    /** Whether the current thread runs marked work. */
    static boolean requested() {
        return CURRENT.get() != null;
    }

    /** The routing data source handed a replica connection to the current marked work. */
    static void usedReplica(ReplicaLag lag) {
        Scope scope = CURRENT.get();
        if (scope != null) {
            scope.lag = lag;
        }
    }

    @FunctionalInterface
    interface ThrowingWork<T> {
        T run() throws Throwable;
    }

    /** One run of marked work: whether (and under which lag monitor) it read from the replica. */
    private static final class Scope {

        ReplicaLag lag;

        /** The replica's failure behind {@code error}, or null when it is not one (or no replica was used). */
        SQLException replicaFailure(Throwable error) {
            if (lag == null) {
                return null;
            }
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null) {
                    String state = sql.getSQLState();
                    if (state.startsWith("08") || REPLICA_GONE.contains(state) || RECOVERY_CONFLICT.equals(state)) {
                        return sql;
                    }
                }
            }
            return null;
        }
    }
}
