package io.livedrop.inventory.reservation.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each user holds or bought of a drop (the per-user limit); the reserve adds to it. */
@Repository
public class HoldingRepository {

    private final JdbcClient jdbc;

    public HoldingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds {@code quantity} to what the user holds of the drop, only while it stays within the drop's
     * per-user limit (held + confirmed units).
     *
     * @return false when the limit (or an unknown drop) refused it
     */
    public boolean addWithinLimit(UUID dropId, String userId, int quantity) {
        return jdbc.sql("""
                        insert into user_holding (drop_id, user_id, quantity, quantity_limit)
                        select drop_id, :userId, :quantity, per_user_limit
                        from drop_stock where drop_id = :dropId and :quantity <= per_user_limit
                        on conflict (drop_id, user_id) do update
                           set quantity = user_holding.quantity + excluded.quantity,
                               quantity_limit = excluded.quantity_limit
                         where user_holding.quantity + excluded.quantity <= excluded.quantity_limit
                        """)
                        .param("dropId", dropId)
                        .param("userId", userId)
                        .param("quantity", quantity)
                        .update()
                == 1;
    }

    /** What these users hold of the drop; users holding nothing are missing. */
    public Map<String, Integer> quantities(UUID dropId, List<String> userIds) {
        Map<String, Integer> holdings = new HashMap<>();
        jdbc.sql("""
                        select user_id, quantity from user_holding
                        where drop_id = :dropId and user_id = any(cast(:users as text[]))
                        """)
                .param("dropId", dropId)
                .param("users", userIds.toArray(String[]::new))
                .query(rs -> {
                    holdings.put(rs.getString("user_id"), rs.getInt("quantity"));
                });
        return holdings;
    }

    /**
     * {@link #addWithinLimit} for several users in one statement, in the order of {@code byUser} (the
     * lock order of every writer of several holdings).
     *
     * @return how many users' holdings were added to; fewer than {@code byUser} when a limit refused
     */
    public int addAllWithinLimit(UUID dropId, SortedMap<String, Integer> byUser) {
        return jdbc.sql("""
                        insert into user_holding (drop_id, user_id, quantity, quantity_limit)
                        select s.drop_id, h.user_id, h.quantity, s.per_user_limit
                        from unnest(cast(:users as text[]), cast(:quantities as integer[]))
                                 with ordinality as h(user_id, quantity, position)
                        join drop_stock s on s.drop_id = :dropId and h.quantity <= s.per_user_limit
                        order by h.position
                        on conflict (drop_id, user_id) do update
                           set quantity = user_holding.quantity + excluded.quantity,
                               quantity_limit = excluded.quantity_limit
                         where user_holding.quantity + excluded.quantity <= excluded.quantity_limit
                        """)
                .param("dropId", dropId)
                .param("users", byUser.keySet().toArray(String[]::new))
                .param(
                        "quantities",
                        byUser.values().stream().map(String::valueOf).toArray(String[]::new))
                .update();
    }

    /** A released or returned reservation gives its quantity back to the user's allowance. */
    public void giveBack(UUID dropId, String userId, int quantity) {
        int updated = jdbc.sql("""
                        update user_holding set quantity = quantity - :quantity
                        where drop_id = :dropId and user_id = :userId
                        """)
                .param("dropId", dropId)
                .param("userId", userId)
                .param("quantity", quantity)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("no holding of user " + userId + " in drop " + dropId);
        }
    }
}
