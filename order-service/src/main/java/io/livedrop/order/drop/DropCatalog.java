package io.livedrop.order.drop;

import io.livedrop.common.events.DropScheduled;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** order-service's copy of each drop's product, price and window, kept from {@code drop.scheduled}. */
@Repository
public class DropCatalog {

    private final JdbcClient jdbc;

    DropCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DropInfo> find(String dropId) {
        return jdbc.sql("""
                        select drop_id, product_id, creator_id, unit_price_cents, currency, starts_at, ends_at,
                               per_user_limit
                        from drop_info where drop_id = :dropId
                        """)
                .param("dropId", dropId)
                .query((rs, n) -> new DropInfo(
                        rs.getString("drop_id"),
                        rs.getString("product_id"),
                        rs.getString("creator_id"),
                        rs.getLong("unit_price_cents"),
                        rs.getString("currency"),
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(),
                        rs.getInt("per_user_limit")))
                .optional();
    }

    /** Creates or updates (reschedule) the drop; existing orders keep the price they were placed at. */
    public void save(DropScheduled drop, Instant now) {
        jdbc.sql("""
                insert into drop_info (drop_id, product_id, creator_id, unit_price_cents, currency, starts_at,
                                       ends_at, per_user_limit, title, updated_at)
                values (:dropId, :productId, :creatorId, :price, :currency, :startsAt, :endsAt, :perUserLimit,
                        :title, :now)
                on conflict (drop_id) do update
                  set product_id = excluded.product_id, creator_id = excluded.creator_id,
                      unit_price_cents = excluded.unit_price_cents, currency = excluded.currency,
                      starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                      per_user_limit = excluded.per_user_limit, title = excluded.title,
                      updated_at = excluded.updated_at
                """)
                .param("dropId", drop.dropId())
                .param("productId", drop.productId())
                .param("creatorId", drop.creatorId())
                .param("price", drop.unitPriceCents())
                .param("currency", drop.currency())
                .param("startsAt", Timestamp.from(drop.startsAt()))
                .param("endsAt", Timestamp.from(drop.endsAt()))
                .param("perUserLimit", drop.perUserLimit())
                .param("title", drop.title())
                .param("now", Timestamp.from(now))
                .update();
    }
}
