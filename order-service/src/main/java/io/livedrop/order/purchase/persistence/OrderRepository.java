package io.livedrop.order.purchase.persistence;

import io.livedrop.common.idempotency.OperationRows;
import io.livedrop.common.jdbc.DueWork;
import io.livedrop.common.jdbc.SqlTimes;
import io.livedrop.order.purchase.domain.HoldState;
import io.livedrop.order.purchase.domain.Order;
import io.livedrop.order.purchase.domain.OrderStatus;
import io.livedrop.order.purchase.domain.PaymentState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders in PostgreSQL. State changes are conditional updates, so concurrent writers never both win. */
@Repository
public class OrderRepository {

    private static final String VISIBLE = "('pending_payment', 'confirmed', 'cancelled', 'expired')";

    private final JdbcClient jdbc;
    private final OperationRows<Order> rows;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new OperationRows<>(jdbc, "orders", OrderRepository::map);
    }

    /** @return false when an order with this id already exists (a resumed placement) */
    public boolean insert(Order order) {
        return jdbc.sql("""
                                insert into orders (id, user_id, drop_id, product_id, quantity, unit_price_cents,
                                  total_cents, currency, status, hold_state, payment_state, payment_id,
                                  idempotency_key, reserved_until, work_due_at, work_attempts, version,
                                  created_at, updated_at)
                                values (:id, :userId, :dropId, :productId, :quantity, :unitPriceCents,
                                  :totalCents, :currency, :status, :holdState, :paymentState, :paymentId,
                                  :idempotencyKey, :reservedUntil, :workDueAt, :workAttempts, :version,
                                  :createdAt, :updatedAt)
                                on conflict (id) do nothing
                                """)
                        .param("id", order.id())
                        .param("userId", order.userId())
                        .param("dropId", order.dropId())
                        .param("productId", order.productId())
                        .param("quantity", order.quantity())
                        .param("unitPriceCents", order.unitPriceCents())
                        .param("totalCents", order.totalCents())
                        .param("currency", order.currency())
                        .param("status", order.status().value())
                        .param("holdState", order.holdState().value())
                        .param("paymentState", order.paymentState().value())
                        .param("paymentId", order.paymentId())
                        .param("idempotencyKey", order.idempotencyKey())
                        .param("reservedUntil", SqlTimes.utc(order.reservedUntil()))
                        .param("workDueAt", SqlTimes.utc(order.workDueAt()))
                        .param("workAttempts", order.workAttempts())
                        .param("version", order.version())
                        .param("createdAt", SqlTimes.utc(order.createdAt()))
                        .param("updatedAt", SqlTimes.utc(order.updatedAt()))
                        .update()
                == 1;
    }

    public Optional<Order> find(UUID id) {
        return rows.find(id);
    }

    /** Locks the row for the rest of the transaction. */
    public Optional<Order> lock(UUID id) {
        return rows.lock(id);
    }

    /** The buyer's visible orders, newest first, after {@code beforeId} (exclusive) when given. */
    public List<Order> pageOf(String userId, UUID beforeId, int rows) {
        return jdbc.sql("select * from orders where user_id = :userId and status in " + VISIBLE + """
                         and (cast(:beforeId as uuid) is null or id < cast(:beforeId as uuid))
                        order by id desc
                        limit :rows
                        """)
                .param("userId", userId)
                .param("beforeId", beforeId)
                .param("rows", rows)
                .query(OrderRepository::map)
                .list();
    }

    /**
     * Writes a transition if the row is still at {@code expected}'s version; bumps the version.
     *
     * @return false when someone else changed the order first (re-read and decide again)
     */
    public boolean update(Order expected, Order next) {
        return jdbc.sql("""
                                update orders
                                set status = :status, hold_state = :holdState, payment_state = :paymentState,
                                    payment_id = :paymentId, reserved_until = :reservedUntil,
                                    work_due_at = :workDueAt, work_attempts = :workAttempts,
                                    updated_at = :updatedAt, version = version + 1
                                where id = :id and version = :version
                                """)
                        .param("status", next.status().value())
                        .param("holdState", next.holdState().value())
                        .param("paymentState", next.paymentState().value())
                        .param("paymentId", next.paymentId())
                        .param("reservedUntil", SqlTimes.utc(next.reservedUntil()))
                        .param("workDueAt", SqlTimes.utc(next.workDueAt()))
                        .param("workAttempts", next.workAttempts())
                        .param("updatedAt", SqlTimes.utc(next.updatedAt()))
                        .param("id", expected.id())
                        .param("version", expected.version())
                        .update()
                == 1;
    }

    /** The placement got its hold: the order becomes visible. False if the placement was undone meanwhile. */
    public boolean markPlaced(UUID id, Instant reservedUntil, Instant now) {
        return jdbc.sql("""
                                update orders
                                set status = 'pending_payment', hold_state = 'held', reserved_until = :reservedUntil,
                                    work_due_at = null, work_attempts = 0, updated_at = :now, version = version + 1
                                where id = :id and status = 'reserving'
                                """)
                        .param("reservedUntil", SqlTimes.utc(reservedUntil))
                        .param("now", SqlTimes.utc(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The placement failed: the order stays invisible; a hold it may have got is released by the saga. */
    public boolean markRejected(UUID id, HoldState hold, Instant workDueAt, Instant now) {
        return jdbc.sql("""
                                update orders
                                set status = 'rejected', hold_state = :hold, work_due_at = :workDueAt,
                                    work_attempts = 0, updated_at = :now, version = version + 1
                                where id = :id and status = 'reserving'
                                """)
                        .param("hold", hold.value())
                        .param("workDueAt", SqlTimes.utc(workDueAt))
                        .param("now", SqlTimes.utc(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Inventory said no: nothing was held, so the attempt leaves no order behind. */
    public void deleteReserving(UUID id) {
        jdbc.sql("delete from orders where id = :id and status = 'reserving'")
                .param("id", id)
                .update();
    }

    public void postponeWork(UUID id, Instant due) {
        jdbc.sql("update orders set work_due_at = :due where id = :id")
                .param("due", SqlTimes.utc(due))
                .param("id", id)
                .update();
    }

    /**
     * Picks orders whose work is due and moves their due time forward by {@code claimFor}, so other
     * instances (and the next round) leave them alone while this one works on them.
     */
    public List<UUID> claimDueWork(Instant now, Instant claimedUntil, int limit) {
        return DueWork.claim(jdbc, "orders", now, claimedUntil, limit);
    }

    /** Expires unpaid orders past their deadline (rows locked by a concurrent payment are skipped). */
    public List<Order> expireUnpaid(Instant now, Instant workDueAt, int limit) {
        return jdbc.sql("""
                        update orders set status = 'expired', work_due_at = :workDueAt, work_attempts = 0,
                                          updated_at = :now, version = version + 1
                        where id in (
                          select id from orders
                          where status = 'pending_payment' and payment_state = 'none' and reserved_until <= :now
                          order by reserved_until
                          limit :limit
                          for update skip locked)
                          and status = 'pending_payment' and payment_state = 'none'
                        returning *
                        """)
                .param("workDueAt", SqlTimes.utc(workDueAt))
                .param("now", SqlTimes.utc(now))
                .param("limit", limit)
                .query(OrderRepository::map)
                .list();
    }

    private static Order map(ResultSet rs, int row) throws SQLException {
        return new Order(
                rs.getObject("id", UUID.class),
                rs.getString("user_id"),
                rs.getString("drop_id"),
                rs.getString("product_id"),
                rs.getInt("quantity"),
                rs.getLong("unit_price_cents"),
                rs.getLong("total_cents"),
                rs.getString("currency"),
                OrderStatus.of(rs.getString("status")),
                HoldState.of(rs.getString("hold_state")),
                PaymentState.of(rs.getString("payment_state")),
                rs.getString("payment_id"),
                rs.getString("idempotency_key"),
                SqlTimes.instant(rs, "reserved_until"),
                SqlTimes.instant(rs, "work_due_at"),
                rs.getInt("work_attempts"),
                rs.getInt("version"),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "updated_at"));
    }
}
