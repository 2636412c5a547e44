package io.livedrop.payment.billing.domain;

/** What a buyer asks for: pay this order with this card token. */
public record PayOrder(String orderId, String cardToken) {}
