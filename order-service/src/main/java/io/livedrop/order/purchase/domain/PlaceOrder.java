package io.livedrop.order.purchase.domain;

/** What a buyer asks for: some units of a drop. */
public record PlaceOrder(String dropId, int quantity) {}
