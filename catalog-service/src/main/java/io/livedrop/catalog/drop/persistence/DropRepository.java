package io.livedrop.catalog.drop.persistence;

import io.livedrop.catalog.drop.domain.Drop;
import io.livedrop.catalog.drop.domain.DropStatus;
import io.livedrop.catalog.drop.domain.DropTerms;
import io.livedrop.common.jdbc.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DropRepository {

    private static final String SELECT_ROW = """
            select d.id, d.product_id, d.creator_id, d.starts_at, d.ends_at, d.initial_stock, d.available,
                   d.low_stock_threshold, d.per_user_limit, d.unit_price_cents, d.currency, d.waiting_room,
                   d.started_fired_at,
                   d.created_at, p.title as product_title, p.image_url as product_image_url,
                   c.handle as creator_handle, c.display_name as creator_display_name
            from drops d
            join product p on p.id = d.product_id
            join creator c on c.id = d.creator_id
            """;

    private final JdbcClient jdbc;

    DropRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            UUID id,
            UUID productId,
            UUID creatorId,
            DropTerms terms,
            long unitPriceCents,
            String currency,
            boolean waitingRoom,
            Instant now) {
        jdbc.sql("""
                insert into drops (id, product_id, creator_id, starts_at, ends_at, initial_stock, low_stock_threshold,
                                   per_user_limit, unit_price_cents, currency, available, waiting_room, created_at, updated_at)
                values (:id, :productId, :creatorId, :startsAt, :endsAt, :initialStock, :lowStockThreshold,
                        :perUserLimit, :unitPriceCents, :currency, :initialStock, :waitingRoom, :now, :now)
                """)
                .param("id", id)
                .param("productId", productId)
                .param("creatorId", creatorId)
                .params(termParameters(terms))
                .param("unitPriceCents", unitPriceCents)
                .param("currency", currency)
                .param("waitingRoom", waitingRoom)
                .param("now", SqlTimes.utc(now))
                .update();
    }

    public Optional<Drop> find(UUID id) {
        return jdbc.sql(SELECT_ROW + " where d.id = :id")
                .param("id", id)
                .query(DropRepository::row)
                .optional();
    }

    /** The drops among {@code ids}, in no particular order: one query on the primary key. */
    public List<Drop> findAll(List<UUID> ids) {
        return jdbc.sql(SELECT_ROW + " where d.id = any(cast(:ids as uuid[]))")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(DropRepository::row)
                .list();
    }

    /** The drop, locked against the lifecycle scheduler and concurrent edits until the transaction ends. */
    public Optional<Drop> lock(UUID id) {
        return jdbc.sql(SELECT_ROW + " where d.id = :id for update of d")
                .param("id", id)
                .query(DropRepository::row)
                .optional();
    }

    /**
     * New window, stock and limits of an upcoming drop. Inventory has not sold anything yet, so the
     * stock shown restarts at the new initial stock, and stock reports older than this change are
     * ignored from now on.
     */
    public void reschedule(UUID id, DropTerms terms, boolean waitingRoom, Instant now) {
        jdbc.sql("""
                update drops set starts_at = :startsAt, ends_at = :endsAt, initial_stock = :initialStock,
                                 low_stock_threshold = :lowStockThreshold, per_user_limit = :perUserLimit,
                                 waiting_room = :waitingRoom,
                                 available = :initialStock, stock_changed_at = :now, stock_event_id = null,
                                 updated_at = :now
                where id = :id
                """)
                .param("id", id)
                .params(termParameters(terms))
                .param("waitingRoom", waitingRoom)
                .param("now", SqlTimes.utc(now))
                .update();
    }

    /** Upcoming drops of a product take its new price and title; returns them (locked). */
    public List<Drop> repriceUpcoming(UUID productId, long unitPriceCents, String currency, Instant now) {
        List<UUID> ids = jdbc.sql("""
                        select id from drops
                        where product_id = :productId and started_fired_at is null and starts_at > :now
                        order by id
                        for update
                        """)
                .param("productId", productId)
                .param("now", SqlTimes.utc(now))
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                update drops set unit_price_cents = :unitPriceCents, currency = :currency, updated_at = :now
                where id = any(cast(:ids as uuid[]))
                """)
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .param("unitPriceCents", unitPriceCents)
                .param("currency", currency)
                .param("now", SqlTimes.utc(now))
                .update();
        return jdbc.sql(SELECT_ROW + " where d.id = any(cast(:ids as uuid[])) order by d.id")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(DropRepository::row)
                .list();
    }

    /**
     * Inventory's report of the available stock, applied only if it is newer (event time, then event
     * id) than the last one applied: a late, out-of-date report cannot roll the stock back.
     */
    public boolean applyStock(UUID id, int available, Instant reportedAt, UUID eventId) {
        return jdbc.sql("""
                        update drops set available = :available, stock_changed_at = :reportedAt,
                                         stock_event_id = :eventId, updated_at = now()
                        where id = :id
                          and (stock_changed_at is null
                               or (stock_changed_at, coalesce(stock_event_id, '00000000-0000-0000-0000-000000000000'))
                                  < (:reportedAt, :eventId))
                        """)
                        .param("id", id)
                        .param("available", available)
                        .param("reportedAt", SqlTimes.utc(reportedAt))
                        .param("eventId", eventId)
                        .update()
                == 1;
    }

    public List<String> idsByCreator(UUID creatorId) {
        return jdbc.sql("select id::text from drops where creator_id = :creatorId")
                .param("creatorId", creatorId)
                .query(String.class)
                .list();
    }

    public List<String> idsByProduct(UUID productId) {
        return jdbc.sql("select id::text from drops where product_id = :productId")
                .param("productId", productId)
                .query(String.class)
                .list();
    }

    /**
     * One browse page in the order of API.md, after the keyset position if given, fetching
     * {@code limit + 1} rows. Every variant is an index range scan: live drops started at most
     * {@link DropTerms#MAX_DURATION} ago, which bounds the scan over drops that already ended.
     */
    public List<Drop> page(DropPageQuery query) {
        var sql = new StringBuilder(SELECT_ROW).append(" where ");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("now", SqlTimes.utc(query.now()));
        switch (query.status()) {
            case UPCOMING -> sql.append("d.starts_at > :now");
            case LIVE -> {
                sql.append("d.starts_at <= :now and d.ends_at > :now and d.starts_at > :liveSince");
                parameters.put("liveSince", SqlTimes.utc(query.now().minus(DropTerms.MAX_DURATION)));
            }
            case ENDED -> sql.append("d.ends_at <= :now");
        }
        if (query.creatorId() != null) {
            sql.append(" and d.creator_id = :creatorId");
            parameters.put("creatorId", query.creatorId());
        }
        if (query.followerId() != null) {
            sql.append(" and d.creator_id in (select f.creator_id from follow_edge f"
                    + " where f.user_id = :followerId and f.following)");
            parameters.put("followerId", query.followerId());
        }
        String position = query.status() == DropStatus.ENDED ? "d.ends_at" : "d.starts_at";
        boolean ascending = query.status() == DropStatus.UPCOMING;
        if (query.afterId() != null) {
            sql.append(" and (")
                    .append(position)
                    .append(", d.id) ")
                    .append(ascending ? ">" : "<")
                    .append(" (:afterTime, :afterId)");
            parameters.put("afterTime", SqlTimes.utc(query.afterTime()));
            parameters.put("afterId", query.afterId());
        }
        String direction = ascending ? " asc" : " desc";
        sql.append(" order by ")
                .append(position)
                .append(direction)
                .append(", d.id")
                .append(direction)
                .append(" limit :limit");
        parameters.put("limit", query.limit() + 1);
        return jdbc.sql(sql.toString())
                .params(parameters)
                .query(DropRepository::row)
                .list();
    }

    private static Map<String, Object> termParameters(DropTerms terms) {
        return Map.of(
                "startsAt", SqlTimes.utc(terms.startsAt()),
                "endsAt", SqlTimes.utc(terms.endsAt()),
                "initialStock", terms.initialStock(),
                "lowStockThreshold", terms.lowStockThreshold(),
                "perUserLimit", terms.perUserLimit());
    }

    private static Drop row(ResultSet rs, int n) throws SQLException {
        return new Drop(
                rs.getObject("id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getObject("creator_id", UUID.class),
                SqlTimes.instant(rs, "starts_at"),
                SqlTimes.instant(rs, "ends_at"),
                rs.getInt("initial_stock"),
                rs.getInt("available"),
                rs.getInt("low_stock_threshold"),
                rs.getInt("per_user_limit"),
                rs.getLong("unit_price_cents"),
                rs.getString("currency"),
                rs.getBoolean("waiting_room"),
                SqlTimes.instant(rs, "started_fired_at"),
                SqlTimes.instant(rs, "created_at"),
                rs.getString("product_title"),
                rs.getString("product_image_url"),
                rs.getString("creator_handle"),
                rs.getString("creator_display_name"));
    }

    /** What one browse page asks for; {@code afterTime/afterId} is the keyset position of the last item served. */
    public record DropPageQuery(
            DropStatus status,
            Instant now,
            UUID creatorId,
            UUID followerId,
            Instant afterTime,
            UUID afterId,
            int limit) {}
}
