package io.livedrop.inventory.stock.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livedrop.inventory.InventoryIntegrationTest;
import io.livedrop.inventory.stock.domain.StockLevels;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The database itself refuses an oversell, whatever SQL a buggy caller runs: the checks on {@code
 * drop_stock}, the per-user limit on {@code user_holding} and the transition trigger on
 * {@code reservation}.
 */
class StockConstraintTests extends InventoryIntegrationTest {

    @Test
    void takingMoreThanIsAvailableIsRefused() {
        UUID dropId = drops.live(2);

        assertRefused("drop_stock_available_non_negative", """
                update drop_stock set available = available - 3, reserved = reserved + 3 where drop_id = :id
                """, dropId);
        assertThat(drops.levels(dropId)).isEqualTo(new StockLevels(2, 2, 0, 0));
    }

    @Test
    void sellingWithoutTakingFromAvailableIsRefused() {
        UUID dropId = drops.live(2);

        assertRefused("drop_stock_counts_add_up", "update drop_stock set sold = sold + 1 where drop_id = :id", dropId);
        assertRefused(
                "drop_stock_counts_add_up",
                "update drop_stock set reserved = reserved + 1 where drop_id = :id",
                dropId);
        assertRefused(
                "drop_stock_counts_add_up",
                "update drop_stock set available = available + 1 where drop_id = :id",
                dropId);
    }

    @Test
    void releasingMoreThanIsReservedIsRefused() {
        UUID dropId = drops.live(2);
        api.reserve(dropId, "user-1", 1);

        assertRefused("drop_stock_reserved_non_negative", """
                update drop_stock set reserved = reserved - 2, available = available + 2 where drop_id = :id
                """, dropId);
        assertRefused("drop_stock_sold_non_negative", """
                update drop_stock set sold = sold - 1, available = available + 1 where drop_id = :id
                """, dropId);
        assertThat(drops.assertConsistent(dropId)).isEqualTo(new StockLevels(2, 1, 1, 0));
    }

    @Test
    void holdingMoreThanTheLimitIsRefused() {
        UUID dropId = drops.live(10, 2, null);
        api.reserve(dropId, "user-1", 2);

        assertRefused("user_holding_within_limit", """
                update user_holding set quantity = quantity + 1 where drop_id = :id and user_id = 'user-1'
                """, dropId);
    }

    @Test
    void aHoldCannotBeBothConfirmedAndReleased() {
        UUID dropId = drops.live(10);
        String confirmed = api.reserve(dropId, "user-1", 1).text("reservationId");
        api.confirm(confirmed);
        String released = api.reserve(dropId, "user-2", 1).text("reservationId");
        api.release(released);

        assertRefused(
                "cannot go from confirmed to released",
                "update reservation set status = 'released', released_by = 'caller' where reservation_id = :id",
                UUID.fromString(confirmed));
        assertRefused(
                "cannot go from released to confirmed",
                "update reservation set status = 'confirmed', released_by = null where reservation_id = :id",
                UUID.fromString(released));
        assertRefused(
                "cannot go from confirmed to held",
                "update reservation set status = 'held' where reservation_id = :id",
                UUID.fromString(confirmed));
        assertRefused("reservation_status_known", """
                insert into reservation (reservation_id, drop_id, user_id, quantity, status, expires_at)
                values (gen_random_uuid(), :id, 'user-3', 1, 'lost', now())
                """, dropId);
    }

    private void assertRefused(String constraint, String sql, UUID id) {
        assertThatThrownBy(() -> jdbc.sql(sql).param("id", id).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining(constraint);
    }
}
