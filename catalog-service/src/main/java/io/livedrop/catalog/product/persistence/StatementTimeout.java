package io.livedrop.catalog.product.persistence;

import java.sql.SQLException;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settings for the rest of the current transaction ({@code SET LOCAL}): PostgreSQL's {@code
 * statement_timeout}, and custom plans only. The product list queries are fast only with a plan made
 * for the actual values (the cursor position, the creator); a cached generic plan, which the driver's
 * server-side prepared statements may get after a few executions, can guess a range to sort instead of
 * an index to walk.
 */
public final class StatementTimeout {

    /** SQLSTATE {@code query_canceled}: the statement timeout fired (or the query was cancelled). */
    static final String QUERY_CANCELED = "57014";

    private final JdbcClient jdbc;

    public StatementTimeout(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside a transaction: the setting ends with it, so a pooled connection keeps no trace. */
    public void set(Duration timeout) {
        jdbc.sql("select set_config('statement_timeout', :timeout, true),"
                        + " set_config('plan_cache_mode', 'force_custom_plan', true)")
                .param("timeout", timeout.toMillis() + "ms")
                .query((rs, row) -> rs.getString(1))
                .single();
    }

    public static boolean isCancellation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
