package io.livedrop.common.events;

import java.util.List;

/** Every Kafka topic of EVENTS.md. Each event record also names its own topic as {@code TOPIC}. */
public final class Topics {

    public static final String CREATOR_CREATED = "creator.created";
    public static final String DROP_SCHEDULED = "drop.scheduled";
    public static final String DROP_STARTED = "drop.started";
    public static final String DROP_ENDED = "drop.ended";
    public static final String STOCK_CHANGED = "stock.changed";
    public static final String STOCK_LOW = "stock.low";
    public static final String SOLD_OUT = "sold_out";
    public static final String ORDER_CREATED = "order.created";
    public static final String ORDER_CONFIRMED = "order.confirmed";
    public static final String ORDER_CANCELLED = "order.cancelled";
    public static final String ORDER_EXPIRED = "order.expired";
    public static final String PAYMENT_SUCCEEDED = "payment.succeeded";
    public static final String PAYMENT_FAILED = "payment.failed";
    public static final String FOLLOW_CREATED = "follow.created";
    public static final String FOLLOW_DELETED = "follow.deleted";
    public static final String QUEUE_UPDATED = "queue.updated";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final List<String> ALL = List.of(
            CREATOR_CREATED,
            DROP_SCHEDULED,
            DROP_STARTED,
            DROP_ENDED,
            STOCK_CHANGED,
            STOCK_LOW,
            SOLD_OUT,
            ORDER_CREATED,
            ORDER_CONFIRMED,
            ORDER_CANCELLED,
            ORDER_EXPIRED,
            PAYMENT_SUCCEEDED,
            PAYMENT_FAILED,
            FOLLOW_CREATED,
            FOLLOW_DELETED,
            QUEUE_UPDATED);

    private Topics() {}
}
