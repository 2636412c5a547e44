package io.livedrop.inventory.stock.persistence;

import static io.livedrop.common.jdbc.SqlTimes.instant;
import static io.livedrop.common.jdbc.SqlTimes.utc;

import io.livedrop.inventory.stock.domain.CurrentLevels;
import io.livedrop.inventory.stock.domain.DropStock;
import io.livedrop.inventory.stock.domain.SaleState;
import io.livedrop.inventory.stock.domain.StockLevels;
import io.livedrop.inventory.stock.domain.StockTaken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL on {@code drop_stock} other than the reserve itself. Every statement that gives stock back
 * marks the drop dirty (for the coalesced {@code stock.changed}) and re-arms {@code stock.low} once
 * {@code available} is back at the threshold (the rule of {@code StockSignal.stillLow}).
 */
@Repository
public class DropStockRepository {

    private static final String COLUMNS = """
            drop_id, stock, available, reserved, sold, starts_at, ends_at, ended_at, per_user_limit,
            low_stock_threshold, low_stock_signalled, sold_out_signalled, scheduled_at
            """;

    private final JdbcClient jdbc;

    public DropStockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DropStock> find(UUID dropId) {
        return jdbc.sql("select " + COLUMNS + " from drop_stock where drop_id = :dropId")
                .param("dropId", dropId)
                .query(DropStockRepository::map)
                .optional();
    }

    /** The drop, locked until the end of the transaction (schedule changes serialise with reserves). */
    public Optional<DropStock> lock(UUID dropId) {
        return jdbc.sql("select " + COLUMNS + " from drop_stock where drop_id = :dropId for no key update")
                .param("dropId", dropId)
                .query(DropStockRepository::map)
                .optional();
    }

    /** @return false when the drop already exists */
    public boolean insert(DropStock drop) {
        return jdbc.sql("""
                        insert into drop_stock (drop_id, stock, available, starts_at, ends_at, per_user_limit,
                                                low_stock_threshold, scheduled_at, stock_dirty)
                        values (:dropId, :stock, :stock, :startsAt, :endsAt, :perUserLimit,
                                :lowStockThreshold, :scheduledAt, true)
                        on conflict (drop_id) do nothing
                        """)
                        .param("dropId", drop.dropId())
                        .param("stock", drop.levels().stock())
                        .param("startsAt", utc(drop.startsAt()))
                        .param("endsAt", utc(drop.endsAt()))
                        .param("perUserLimit", drop.perUserLimit())
                        .param("lowStockThreshold", drop.lowStockThreshold())
                        .param("scheduledAt", utc(drop.scheduledAt()))
                        .update()
                == 1;
    }

    /** Applies a reschedule to a drop locked by {@link #lock}. */
    public void reschedule(DropStock drop) {
        jdbc.sql("""
                update drop_stock
                   set stock = :stock, available = :available,
                       starts_at = :startsAt, ends_at = :endsAt,
                       per_user_limit = :perUserLimit, low_stock_threshold = :lowStockThreshold,
                       low_stock_signalled = :lowStockSignalled,
                       scheduled_at = :scheduledAt, stock_dirty = true, updated_at = now()
                 where drop_id = :dropId
                """)
                .param("dropId", drop.dropId())
                .param("stock", drop.levels().stock())
                .param("available", drop.levels().available())
                .param("startsAt", utc(drop.startsAt()))
                .param("endsAt", utc(drop.endsAt()))
                .param("perUserLimit", drop.perUserLimit())
                .param("lowStockThreshold", drop.lowStockThreshold())
                .param("lowStockSignalled", drop.lowStockSignalled())
                .param("scheduledAt", utc(drop.scheduledAt()))
                .update();
    }

    /** @return false when the drop is unknown */
    public boolean markEnded(UUID dropId) {
        return jdbc.sql("""
                        update drop_stock set ended_at = coalesce(ended_at, now()), updated_at = now()
                        where drop_id = :dropId
                        """).param("dropId", dropId).update() == 1;
    }

    /**
     * The drop as a reserve sees it: unknown (empty), not live, short of stock, or its per-user limit
     * (why a single reserve was refused; what a batch decides on).
     */
    public Optional<SaleState> saleState(UUID dropId) {
        return jdbc.sql("""
                        select ended_at is null and now() >= starts_at and now() < ends_at as live,
                               available, per_user_limit
                        from drop_stock where drop_id = :dropId
                        """)
                .param("dropId", dropId)
                .query((rs, n) ->
                        new SaleState(rs.getBoolean("live"), rs.getInt("available"), rs.getInt("per_user_limit")))
                .optional();
    }

    /**
     * THE conditional update every reserve goes through (one per reserve, or one per batch): no row
     * comes back when the stock or the sale window does not allow {@code quantity}. The row comes back
     * locked, so the low-stock / sold-out flags read here are this transaction's to set.
     */
    public Optional<StockTaken> take(UUID dropId, int quantity) {
        return jdbc.sql("""
                        update drop_stock
                           set available = available - :quantity,
                               reserved = reserved + :quantity,
                               stock_dirty = true
                         where drop_id = :dropId
                           and available >= :quantity
                           and ended_at is null
                           and now() >= starts_at and now() < ends_at
                        returning available, low_stock_threshold, low_stock_signalled, sold_out_signalled
                        """)
                .param("dropId", dropId)
                .param("quantity", quantity)
                .query((rs, n) -> new StockTaken(
                        rs.getInt("available"),
                        rs.getObject("low_stock_threshold", Integer.class),
                        rs.getBoolean("low_stock_signalled"),
                        rs.getBoolean("sold_out_signalled")))
                .optional();
    }

    public void recordSignals(UUID dropId, boolean lowStockSignalled, boolean soldOutSignalled) {
        jdbc.sql("""
                update drop_stock set low_stock_signalled = :low, sold_out_signalled = :soldOut
                where drop_id = :dropId
                """)
                .param("dropId", dropId)
                .param("low", lowStockSignalled)
                .param("soldOut", soldOutSignalled)
                .update();
    }

    /** A hold was paid: its units move from reserved to sold. */
    public void sellReserved(UUID dropId, int quantity) {
        requireOne(
                jdbc.sql("""
                        update drop_stock
                           set reserved = reserved - :quantity, sold = sold + :quantity, stock_dirty = true
                         where drop_id = :dropId
                        """)
                        .param("dropId", dropId)
                        .param("quantity", quantity)
                        .update(),
                dropId);
    }

    /** A hold was released or expired: its units go back on sale. */
    public void releaseReserved(UUID dropId, int quantity) {
        backOnSale(dropId, quantity, "reserved");
    }

    /** A sale was refunded: its units go back on sale. */
    public void returnSold(UUID dropId, int quantity) {
        backOnSale(dropId, quantity, "sold");
    }

    /**
     * Moves units from {@code fromColumn} (reserved or sold, never user input) back to available; a
     * low-stock signal already given is taken back once the stock rises above the threshold again.
     */
    private void backOnSale(UUID dropId, int quantity, String fromColumn) {
        requireOne(
                jdbc.sql("""
                        update drop_stock
                           set available = available + :quantity, %1$s = %1$s - :quantity,
                               stock_dirty = true,
                               low_stock_signalled = low_stock_signalled
                                   and available + :quantity < coalesce(low_stock_threshold, 0)
                         where drop_id = :dropId
                        """.formatted(fromColumn))
                        .param("dropId", dropId)
                        .param("quantity", quantity)
                        .update(),
                dropId);
    }

    /**
     * Clears the dirty mark of drops whose last {@code stock.changed} is at least {@code minGap} old
     * and returns their current counts, locked until the caller's transaction ends (so the events
     * it publishes keep commit order with the reserves). Locks are taken in drop id order, like the
     * reaper's, so the two never deadlock.
     */
    public List<CurrentLevels> takeDirty(Duration minGap, int limit) {
        return jdbc.sql("""
                with due as (
                    select drop_id from drop_stock
                    where stock_dirty
                      and (stock_published_at is null
                           or stock_published_at <= now() - make_interval(secs => :gapSeconds))
                    order by drop_id
                    limit :limit
                    for no key update
                )
                update drop_stock s
                   set stock_dirty = false, stock_published_at = now()
                  from due
                 where s.drop_id = due.drop_id
                returning s.drop_id, s.stock, s.available, s.reserved, s.sold
                """)
                .param("gapSeconds", minGap.toNanos() / 1e9)
                .param("limit", limit)
                .query((rs, n) -> new CurrentLevels(rs.getObject("drop_id", UUID.class), levels(rs)))
                .list();
    }

    /** Drops inside their sale window and not ended, latest start first. */
    public List<CurrentLevels> live(int limit) {
        return jdbc.sql("""
                select drop_id, stock, available, reserved, sold from drop_stock
                where ended_at is null and now() >= starts_at and now() < ends_at
                order by starts_at desc
                limit :limit
                """)
                .param("limit", limit)
                .query((rs, n) -> new CurrentLevels(rs.getObject("drop_id", UUID.class), levels(rs)))
                .list();
    }

    private static void requireOne(int updated, UUID dropId) {
        if (updated != 1) {
            throw new IllegalStateException("no stock row for drop " + dropId);
        }
    }

    private static StockLevels levels(ResultSet rs) throws SQLException {
        return new StockLevels(rs.getInt("stock"), rs.getInt("available"), rs.getInt("reserved"), rs.getInt("sold"));
    }

    private static DropStock map(ResultSet rs, int row) throws SQLException {
        return new DropStock(
                rs.getObject("drop_id", UUID.class),
                levels(rs),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                instant(rs, "ended_at"),
                rs.getInt("per_user_limit"),
                rs.getObject("low_stock_threshold", Integer.class),
                rs.getBoolean("low_stock_signalled"),
                rs.getBoolean("sold_out_signalled"),
                instant(rs, "scheduled_at"));
    }
}
