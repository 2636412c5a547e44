package io.livedrop.common.events;

/**
 * How an order's saga ended ({@link OrderConfirmed}, {@link OrderCancelled}, {@link OrderExpired}):
 * the three events carry the same facts of the order, so producers and consumers handle them alike.
 */
public interface OrderOutcome {

    String orderId();

    String userId();

    String dropId();

    int quantity();

    long totalCents();

    String currency();
}
