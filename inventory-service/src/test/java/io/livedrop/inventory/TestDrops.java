package io.livedrop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.events.DropScheduled;
import io.livedrop.inventory.stock.application.DropScheduleService;
import io.livedrop.inventory.stock.domain.StockLevels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drops for tests (created as catalog's drop.scheduled would) and the invariants every test checks. */
public final class TestDrops {

    private final DropScheduleService schedules;
    private final JdbcClient jdbc;
    private final Clock clock;

    public TestDrops(DropScheduleService schedules, JdbcClient jdbc, Clock clock) {
        this.schedules = schedules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A drop on sale since a minute ago, for an hour. */
    public UUID live(int stock, int perUserLimit, Integer lowStockThreshold) {
        UUID dropId = UUID.randomUUID();
        Instant now = clock.instant();
        schedules.schedule(
                scheduled(dropId, stock, perUserLimit, lowStockThreshold, now.minusSeconds(60), now.plusSeconds(3600)),
                now);
        return dropId;
    }

    public UUID live(int stock) {
        return live(stock, stock, null);
    }

    public static DropScheduled scheduled(
            UUID dropId, int stock, int perUserLimit, Integer lowStockThreshold, Instant startsAt, Instant endsAt) {
        return new DropScheduled(
                dropId.toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                startsAt,
                endsAt,
                stock,
                lowStockThreshold,
                perUserLimit,
                1999,
                "EUR",
                "Test drop",
                false);
    }

    public static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    public StockLevels levels(UUID dropId) {
        return jdbc.sql("select stock, available, reserved, sold from drop_stock where drop_id = :id")
                .param("id", dropId)
                .query((rs, n) -> new StockLevels(
                        rs.getInt("stock"), rs.getInt("available"), rs.getInt("reserved"), rs.getInt("sold")))
                .single();
    }

    public long quantityIn(UUID dropId, String status) {
        return jdbc.sql("select coalesce(sum(quantity), 0) from reservation where drop_id = :id and status = :status")
                .param("id", dropId)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    public long countIn(UUID dropId, String status) {
        return jdbc.sql("select count(*) from reservation where drop_id = :id and status = :status")
                .param("id", dropId)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    /**
     * The counts add up to the stock (also a database check) and match the reservations: reserved =
     * held units, sold = confirmed units, and what users hold = held + confirmed units.
     */
    public StockLevels assertConsistent(UUID dropId) {
        StockLevels levels = levels(dropId);
        assertThat(levels.available() + levels.reserved() + levels.sold()).isEqualTo(levels.stock());
        assertThat((long) levels.reserved()).as("reserved = held units").isEqualTo(quantityIn(dropId, "held"));
        assertThat((long) levels.sold()).as("sold = confirmed units").isEqualTo(quantityIn(dropId, "confirmed"));
        long holdings = jdbc.sql("select coalesce(sum(quantity), 0) from user_holding where drop_id = :id")
                .param("id", dropId)
                .query(Long.class)
                .single();
        assertThat(holdings)
                .as("user holdings = held + confirmed units")
                .isEqualTo((long) levels.reserved() + levels.sold());
        return levels;
    }

    /** Events of one drop written to the outbox (in commit order), by topic. */
    public java.util.List<String> outboxPayloads(UUID dropId, String topic) {
        return jdbc.sql("select payload from outbox_event where event_key = :key and topic = :topic order by id")
                .param("key", dropId.toString())
                .param("topic", topic)
                .query(String.class)
                .list();
    }
}
