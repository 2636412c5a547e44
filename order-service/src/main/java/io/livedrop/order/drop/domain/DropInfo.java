package io.livedrop.order.drop.domain;

import java.time.Instant;

/**
 * What an order needs to know about its drop: the product, the price at which it sells, and whether
 * buyers need an admission token from the waiting room.
 */
public record DropInfo(
        String dropId,
        String productId,
        String creatorId,
        long unitPriceCents,
        String currency,
        Instant startsAt,
        Instant endsAt,
        int perUserLimit,
        boolean waitingRoom) {}
