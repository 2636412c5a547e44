package io.livedrop.order.drop.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.jdbc.SqlTimes;
import io.livedrop.order.drop.domain.DropInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * order-service's copy of each drop's product, price and window, kept from {@code drop.scheduled}.
 *
 * <p>Every order reads its drop, thousands of times a second on the same row during a sale: known
 * drops are kept in memory for {@code ORDER_DROP_CACHE_TTL} (a drop is only rescheduled before it goes
 * live, and this instance forgets its copy at once when it applies a reschedule). Unknown drops are
 * not remembered: the drop.scheduled event may be on its way.
 */
@Repository
public class DropInfoRepository {

    private final JdbcClient jdbc;
    private final Cache<String, DropInfo> known;

    DropInfoRepository(JdbcClient jdbc, @Value("${livedrop.order.drop-cache-ttl:2s}") Duration cacheTtl) {
        this.jdbc = jdbc;
        this.known = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(cacheTtl)
                .build();
    }

    public Optional<DropInfo> find(String dropId) {
        DropInfo cached = known.getIfPresent(dropId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<DropInfo> stored = read(dropId);
        stored.ifPresent(drop -> known.put(dropId, drop));
        return stored;
    }

    private Optional<DropInfo> read(String dropId) {
        return jdbc.sql("""
                        select drop_id, product_id, creator_id, unit_price_cents, currency, starts_at, ends_at,
                               per_user_limit, waiting_room
                        from drop_info where drop_id = :dropId
                        """)
                .param("dropId", dropId)
                .query((rs, n) -> new DropInfo(
                        rs.getString("drop_id"),
                        rs.getString("product_id"),
                        rs.getString("creator_id"),
                        rs.getLong("unit_price_cents"),
                        rs.getString("currency"),
                        SqlTimes.instant(rs, "starts_at"),
                        SqlTimes.instant(rs, "ends_at"),
                        rs.getInt("per_user_limit"),
                        rs.getBoolean("waiting_room")))
                .optional();
    }

    /**
     * Creates or updates (reschedule) the drop; existing orders keep the price they were placed at. An
     * event older than the one applied last changes nothing.
     */
    public void save(DropScheduled drop, Instant scheduledAt, Instant now) {
        jdbc.sql("""
                insert into drop_info (drop_id, product_id, creator_id, unit_price_cents, currency, starts_at,
                                       ends_at, per_user_limit, waiting_room, title, scheduled_at, updated_at)
                values (:dropId, :productId, :creatorId, :price, :currency, :startsAt, :endsAt, :perUserLimit,
                        :waitingRoom, :title, :scheduledAt, :now)
                on conflict (drop_id) do update
                  set product_id = excluded.product_id, creator_id = excluded.creator_id,
                      unit_price_cents = excluded.unit_price_cents, currency = excluded.currency,
                      starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                      per_user_limit = excluded.per_user_limit, waiting_room = excluded.waiting_room,
                      title = excluded.title,
                      scheduled_at = excluded.scheduled_at, updated_at = excluded.updated_at
                  where drop_info.scheduled_at <= excluded.scheduled_at
                """)
                .param("dropId", drop.dropId())
                .param("productId", drop.productId())
                .param("creatorId", drop.creatorId())
                .param("price", drop.unitPriceCents())
                .param("currency", drop.currency())
                .param("startsAt", SqlTimes.utc(drop.startsAt()))
                .param("endsAt", SqlTimes.utc(drop.endsAt()))
                .param("perUserLimit", drop.perUserLimit())
                .param("waitingRoom", drop.waitingRoom())
                .param("title", drop.title())
                .param("scheduledAt", SqlTimes.utc(scheduledAt))
                .param("now", SqlTimes.utc(now))
                .update();
        known.invalidate(drop.dropId());
    }
}
