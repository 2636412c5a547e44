package io.livedrop.catalog.support;

import io.livedrop.common.ids.Ids;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drops written straight into the table, for states the API cannot create (windows in the past). They
 * are marked as already announced, so the lifecycle scheduler leaves them alone.
 */
public final class DropRows {

    private final JdbcClient jdbc;

    public DropRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String insert(String creatorId, String productId, Instant startsAt, Instant endsAt) {
        UUID id = Ids.newId();
        Instant now = Instant.now();
        jdbc.sql("""
                insert into drops (id, product_id, creator_id, starts_at, ends_at, initial_stock, low_stock_threshold,
                                   per_user_limit, unit_price_cents, currency, available, started_fired_at,
                                   ended_fired_at, created_at, updated_at)
                values (:id, :productId, :creatorId, :startsAt, :endsAt, 10, 1, 1, 100, 'EUR', 10,
                        case when :startsAt <= :now then :now end, case when :endsAt <= :now then :now end, :now, :now)
                """)
                .param("id", id)
                .param("productId", UUID.fromString(productId))
                .param("creatorId", UUID.fromString(creatorId))
                .param("startsAt", utc(startsAt))
                .param("endsAt", utc(endsAt))
                .param("now", utc(now))
                .update();
        return id.toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
