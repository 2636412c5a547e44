package io.livedrop.order.order.domain;

/** What a buyer asks for: some units of a drop. */
public record PlaceOrder(String dropId, int quantity) {}
