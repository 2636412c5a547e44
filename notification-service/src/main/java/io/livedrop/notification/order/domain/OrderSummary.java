package io.livedrop.notification.order.domain;

/** The drop and quantity of an order, from order.created (payment.failed carries neither). */
public record OrderSummary(String orderId, String dropId, int quantity) {}
