package io.livedrop.common.idempotency;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table in which a service keeps what its idempotent operations create, one row per operation,
 * keyed by the operation id ({@link IdempotentAttempt#operationId()}: an order, a payment). Reads a
 * row as it is, or locked for the rest of the transaction (a resumed attempt, the recovery job and a
 * concurrent event decide on the same row one after the other). How a row maps to a record is the
 * service's.
 *
 * @param <T> the service's record of a row
 */
public final class OperationRows<T> {

    private final JdbcClient jdbc;
    private final RowMapper<T> mapper;
    private final String select;
    private final String selectForUpdate;

    /** @param table the table's name (a constant of the service, never input) with the id in column {@code id} */
    public OperationRows(JdbcClient jdbc, String table, RowMapper<T> mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.select = "select * from " + table + " where id = :id";
        this.selectForUpdate = select + " for update";
    }

    public Optional<T> find(UUID id) {
        return jdbc.sql(select).param("id", id).query(mapper).optional();
    }

    /** Locks the row for the rest of the transaction. */
    public Optional<T> lock(UUID id) {
        return jdbc.sql(selectForUpdate).param("id", id).query(mapper).optional();
    }
}
