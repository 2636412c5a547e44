package io.livedrop.inventory.reservation.persistence;

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
