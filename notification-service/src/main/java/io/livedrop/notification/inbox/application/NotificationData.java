package io.livedrop.notification.inbox.application;

import io.livedrop.notification.drop.domain.DropSummary;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The {@code data} objects of API.md's notification types, as the JSON stored with each notification. */
@Component
class NotificationData {

    /** drop.started, stock.low, sold_out. */
    record DropData(
            String dropId,
            String productId,
            String creatorId,
            String title,
            Instant startsAt,
            Instant endsAt,
            int available) {}

    /** order.confirmed, order.cancelled, order.expired. */
    record OrderData(String orderId, String dropId, Integer quantity, long totalCents, String currency) {}

    /**
     * payment.failed: the order fields (drop and quantity from order.created, null if that event has
     * not arrived) plus why it failed.
     */
    record PaymentFailedData(
            String orderId,
            String dropId,
            Integer quantity,
            long totalCents,
            String currency,
            String paymentId,
            String failureCode) {}

    private final JsonMapper json;

    NotificationData(JsonMapper json) {
        this.json = json;
    }

    String drop(DropSummary drop, int available) {
        return json.writeValueAsString(new DropData(
                drop.dropId(),
                drop.productId(),
                drop.creatorId(),
                drop.title(),
                drop.startsAt(),
                drop.endsAt(),
                available));
    }

    String order(String orderId, String dropId, int quantity, long totalCents, String currency) {
        return json.writeValueAsString(new OrderData(orderId, dropId, quantity, totalCents, currency));
    }

    String paymentFailed(PaymentFailedData data) {
        return json.writeValueAsString(data);
    }
}
