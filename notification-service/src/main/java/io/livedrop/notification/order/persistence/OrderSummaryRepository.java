package io.livedrop.notification.order.persistence;

import io.livedrop.common.jdbc.SqlTimes;
import io.livedrop.notification.order.domain.OrderSummary;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The drop and quantity of each order (from order.created): payment.failed carries neither. */
@Repository
public class OrderSummaryRepository {

    private final JdbcClient jdbc;

    public OrderSummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void remember(OrderSummary order) {
        jdbc.sql("""
                insert into order_summary (order_id, drop_id, quantity) values (:orderId, :dropId, :quantity)
                on conflict (order_id) do nothing
                """)
                .param("orderId", order.orderId())
                .param("dropId", order.dropId())
                .param("quantity", order.quantity())
                .update();
    }

    public Optional<OrderSummary> find(String orderId) {
        return jdbc.sql("select order_id, drop_id, quantity from order_summary where order_id = :orderId")
                .param("orderId", orderId)
                .query((rs, n) ->
                        new OrderSummary(rs.getString("order_id"), rs.getString("drop_id"), rs.getInt("quantity")))
                .optional();
    }

    public int purgeOlderThan(java.time.Instant cutoff) {
        return jdbc.sql("delete from order_summary where created_at < :cutoff")
                .param("cutoff", SqlTimes.utc(cutoff))
                .update();
    }
}
