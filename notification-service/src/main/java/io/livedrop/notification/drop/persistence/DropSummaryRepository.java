package io.livedrop.notification.drop.persistence;

import io.livedrop.common.jdbc.SqlTimes;
import io.livedrop.notification.drop.domain.DropSummary;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a broadcast needs to know about a drop (stock.low and sold_out carry only its id), kept from
 * drop.scheduled and drop.started; the newest event wins.
 */
@Repository
public class DropSummaryRepository {

    private final JdbcClient jdbc;

    public DropSummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void remember(DropSummary drop, Instant changedAt) {
        jdbc.sql("""
                insert into drop_summary (drop_id, creator_id, product_id, title, starts_at, ends_at, changed_at)
                values (:dropId, :creatorId, :productId, :title, :startsAt, :endsAt, :changedAt)
                on conflict (drop_id) do update
                   set creator_id = excluded.creator_id,
                       product_id = excluded.product_id,
                       title = excluded.title,
                       starts_at = excluded.starts_at,
                       ends_at = excluded.ends_at,
                       changed_at = excluded.changed_at
                 where drop_summary.changed_at <= excluded.changed_at
                """)
                .param("dropId", drop.dropId())
                .param("creatorId", drop.creatorId())
                .param("productId", drop.productId())
                .param("title", drop.title())
                .param("startsAt", SqlTimes.utc(drop.startsAt()))
                .param("endsAt", SqlTimes.utc(drop.endsAt()))
                .param("changedAt", SqlTimes.utc(changedAt))
                .update();
    }

    public Optional<DropSummary> find(String dropId) {
        return jdbc.sql("""
                        select drop_id, creator_id, product_id, title, starts_at, ends_at
                          from drop_summary where drop_id = :dropId
                        """)
                .param("dropId", dropId)
                .query((rs, n) -> new DropSummary(
                        rs.getString("drop_id"),
                        rs.getString("creator_id"),
                        rs.getString("product_id"),
                        rs.getString("title"),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}
