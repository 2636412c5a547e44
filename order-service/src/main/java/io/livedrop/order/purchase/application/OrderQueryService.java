package io.livedrop.order.purchase.application;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.pagination.CursorCodec;
import io.livedrop.common.pagination.Page;
import io.livedrop.order.purchase.domain.Order;
import io.livedrop.order.purchase.persistence.OrderRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reading orders: only visible ones, only the buyer's own (anything else is 404, never 403). */
@Component
public class OrderQueryService {

    private static final String CURSOR_SCOPE = "orders:";

    private final OrderRepository orders;
    private final CursorCodec cursors;

    OrderQueryService(OrderRepository orders, CursorCodec cursors) {
        this.orders = orders;
        this.cursors = cursors;
    }

    public Order ownOrder(String userId, String orderId) {
        return visible(orderId).filter(order -> order.ownedBy(userId)).orElseThrow(OrderQueryService::notFound);
    }

    /** Any visible order, for other services. */
    public Order anyOrder(String orderId) {
        return visible(orderId).orElseThrow(OrderQueryService::notFound);
    }

    public Page<Order> pageOf(String userId, int limit, String cursor) {
        UUID before = cursor == null ? null : decode(userId, cursor);
        List<Order> rows = orders.pageOf(userId, before, limit + 1);
        return Page.fromLookahead(
                rows,
                limit,
                last -> cursors.encode(CURSOR_SCOPE + userId, last.id().toString()));
    }

    private java.util.Optional<Order> visible(String orderId) {
        return Ids.parse(orderId)
                .flatMap(orders::find)
                .filter(order -> order.status().visible());
    }

    private UUID decode(String userId, String cursor) {
        String id = cursors.decode(CURSOR_SCOPE + userId, cursor, 1).getFirst();
        return Ids.parse(id)
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_CURSOR, "The cursor is not valid for this list"));
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.ORDER_NOT_FOUND, "No such order");
    }
}
